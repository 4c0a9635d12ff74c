/**
 * Reads the `**Label**: value` paragraphs that pitfall prose uses (seed 003 and 004): `**Impact**:
 * Critical (...)` on one line, or `**Prevention**:` followed by a list or a code fence, running until the
 * next label, a `---` rule or a heading. Lines inside code fences never count as labels or headings.
 *
 * Good: "**Impact**: High\n**Prevention**:\n1. Test rollback" → {impact: 'High', prevention: '1. Test rollback'}.
 * Bad (not a label): "**Impact** is high" (no colon).
 */
const LABEL = /^\s*\*\*([A-Za-z][A-Za-z \-]*?):?\*\*:?\s*(.*)$/;
const LABEL_NEEDS_COLON = /^\s*\*\*[A-Za-z][A-Za-z \-]*?(?::\*\*|\*\*\s*:)/;
const FENCE = /^\s*(```|~~~)/;
const STOP = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$|^\s{0,3}#{1,6}\s/;

export function labelledFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  let current: string | null = null;
  let buffer: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (current !== null && fields[current] === undefined) fields[current] = buffer.join('\n').trim();
    current = null;
    buffer = [];
  };
  for (const line of lines) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      if (current !== null) buffer.push(line);
      continue;
    }
    if (!inFence) {
      const label = LABEL_NEEDS_COLON.test(line) ? LABEL.exec(line) : null;
      if (label) {
        flush();
        current = label[1]!.trim().toLowerCase();
        buffer = label[2] ? [label[2]] : [];
        continue;
      }
      if (STOP.test(line)) {
        flush();
        continue;
      }
    }
    if (current !== null) buffer.push(line);
  }
  flush();
  return fields;
}

/** `Missing Rollback Plan` → `missing_rollback_plan`; `🚫 Post-Deploy` → `post_deploy`. */
export function toSnakeCase(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Strips Markdown emphasis and leading emoji/marks from a title line: `**❌ Deploying**` → `Deploying`. */
export function cleanTitle(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim();
}
