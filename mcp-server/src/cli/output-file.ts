/**
 * Where a command may write a file the user named (`runbook --output FILE`): inside the project after
 * realpath (util/paths.ts), a Markdown file, never inside `.git` (writing there rewrites the repository
 * itself: `--output .git/config` replaced git's config), never over a folder, and over an existing file
 * only when that file is a runbook shipgate wrote (so a typo cannot replace `package.json` or a skill).
 *
 * Good: `--output docs/runbook.md`. Bad: `--output .git/config`, `--output README.md` (not a runbook),
 * `--output ../x.md`, `--output link-to-home/x.md`.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { InputError, quote } from '../errors.js';
import { resolveInsideProject } from '../util/paths.js';

export async function resolveOutputFile(projectRoot: string, value: string, flag: string, overwritable: (existing: string) => boolean): Promise<string> {
  const path = await resolveInsideProject(projectRoot, value, flag);
  const inside = relative(projectRoot, path);
  const refuse = (what: string, hint: string): never => {
    throw new InputError(`The ${flag} file ${what}; nothing was written.`, { where: flag, expected: 'a Markdown file inside the project, e.g. docs/runbook.md', found: quote(value, 200), hint });
  };
  if (inside.split(sep).some((part) => part.toLowerCase() === '.git')) refuse('is inside .git, where git keeps the repository itself', 'Choose a path outside .git, e.g. docs/runbook.md.');
  if (!/\.(md|markdown)$/i.test(path)) refuse('is not a Markdown file (.md)', 'Give the file a .md name, e.g. docs/runbook.md.');
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) refuse('is a folder', 'Name a file inside it, e.g. docs/runbook.md.');
  if (existing && !overwritable(await readFile(path, 'utf8'))) refuse('already exists and is not a runbook shipgate wrote', 'Choose a new file name, or move that file away first.');
  return path;
}
