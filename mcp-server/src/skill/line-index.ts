/**
 * Offsets → 1-based line/column in the ORIGINAL file. Every parser stage (frontmatter, XML scanner,
 * DOT parser, Markdown pitfalls) works on offsets and converts them here, so a position printed by the
 * validator points at the character the author wrote.
 *
 * Good: `index.position(start, end)` once per node. Bad: counting `\n` again in each stage.
 */
import type { Position } from './model.js';

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.starts = starts;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  point(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }

  /** Position of the half-open range [start, end). */
  position(start: number, end: number = start): Position {
    const a = this.point(start);
    const b = this.point(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** `12:3`, for messages. */
export function formatPoint(position: { line: number; column: number }): string {
  return `${position.line}:${position.column}`;
}
