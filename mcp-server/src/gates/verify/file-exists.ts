/**
 * `file-exists`: a file matching a glob exists in the project; YYYY-MM-DD, YYYY, MM and DD are replaced
 * with today's date (UTC, from the injected clock).
 *
 * Good: `<verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/>`
 * Bad:  `<verify kind="file-exists" path="../../etc/passwd"/>` (outside the project: never matches).
 */
import { globFiles } from '../../util/glob-files.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export function expandDateTokens(pattern: string, now: Date): string {
  const iso = now.toISOString();
  const [yyyy, mm, dd] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return pattern.replace(/YYYY-MM-DD/g, `${yyyy}-${mm}-${dd}`).replace(/YYYY/g, yyyy).replace(/MM/g, mm).replace(/DD/g, dd);
}

export const fileExistsKind: VerifyKind = {
  kind: 'file-exists',
  async verify(spec, context) {
    const raw = attribute(spec, 'path');
    if (!raw) return { status: 'error', message: 'The verify element needs a `path` attribute.' };
    const pattern = expandDateTokens(raw, context.now());
    const minSize = Number(attribute(spec, 'min_size') ?? '0');
    const matches = (await globFiles(context.projectRoot, pattern)).filter((m) => m.size >= minSize);
    if (matches.length === 0) return { status: 'failed', message: `No file matches ${pattern}${minSize ? ` with at least ${minSize} bytes` : ''}.` };
    return { status: 'passed', message: `Found ${matches[0]!.relativePath}${matches.length > 1 ? ` and ${matches.length - 1} more` : ''}.` };
  },
};
