/**
 * A path the configuration names for shipgate to read or write (records, learnings, the changelog,
 * version files, smoke tests, manifests, the Spec-Flow state glob): relative to the project root and
 * inside it, checked where the configuration is loaded, so every command refuses it the same way with
 * the key path and line. Symbolic links are checked again after realpath where the file is used.
 *
 * Good: `.claude/processes`, `docs/CHANGELOG.md`, `specs/*\/state.yaml`.
 * Bad:  `/var/log/deploys` (absolute), `../shared/records` (outside), `.git/hooks` (git's own folder).
 */
import { z } from 'zod';
import { quote } from '../errors.js';

const EXPECTED = 'a path inside the project, relative to its root';

export function projectPathSchema(): z.ZodEffects<z.ZodString, string, string> {
  return z.string().min(1).superRefine((value, context) => {
    const problem = projectPathProblem(value);
    if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: `expected ${EXPECTED}; found ${quote(value, 80)}, which ${problem}` });
  });
}

function projectPathProblem(value: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'contains control characters';
  if (/^[\\/]/.test(value) || /^[A-Za-z]:/.test(value)) return 'is absolute and may point outside the project';
  if (value.startsWith('~')) return 'starts at a home folder, outside the project';
  const parts = value.split(/[\\/]+/);
  if (parts.includes('..')) return 'climbs with ".." and may point outside the project';
  if (parts.some((part) => part.toLowerCase() === '.git')) return 'is inside .git, where git keeps the repository itself';
  return undefined;
}
