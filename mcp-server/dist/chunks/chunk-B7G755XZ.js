import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/skill/line-index.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
    const starts = [0];
    let at = text.indexOf("\n");
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf("\n", at + 1);
    }
    this.starts = starts;
  }
  text;
  starts;
  /** 1-based line and column of an offset (clamped into the text). */
  point(offset) {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low] + 1 };
  }
  /** Position of the half-open range [start, end). */
  position(start, end = start) {
    const a = this.point(start);
    const b = this.point(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  get lineCount() {
    return this.starts.length;
  }
};
function formatPoint(position) {
  return `${position.line}:${position.column}`;
}

export {
  LineIndex,
  formatPoint
};
