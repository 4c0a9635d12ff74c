/**
 * The release journal, `.claude/shipgate/release-journal.json`: written atomically BEFORE every step
 * of apply, so a process killed at any step leaves a file that says exactly what may exist (which
 * files were changed and their original bytes, the commit and tag names, the HEAD to go back to, and
 * whether the push happened). The next `shipgate bump` reads it and repairs (recover-release.ts).
 */
import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateFile } from '../util/state-file.js';
import { statePaths } from '../project/paths.js';

export const APPLY_STEPS = ['write-files', 'write-files:partial', 'stage', 'commit', 'tag', 'push', 'pushed', 'finish'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export interface ReleaseJournal {
  v: 1;
  pid: number;
  startedAt: string;
  step: ApplyStep;
  version: string;
  tag: string;
  branch: string;
  headBefore: string;
  commitMessage: string;
  /** Set once the release commit exists. */
  releaseCommit?: string;
  push: boolean;
  remote: string;
  /** Original bytes (utf8) of every file apply may write; null = did not exist. */
  files: Array<{ path: string; before: string | null }>;
}

const journalSchema = z.object({
  v: z.literal(1),
  pid: z.number().int(),
  startedAt: z.string(),
  step: z.enum(APPLY_STEPS),
  version: z.string(),
  tag: z.string(),
  branch: z.string(),
  headBefore: z.string(),
  commitMessage: z.string(),
  releaseCommit: z.string().optional(),
  push: z.boolean(),
  remote: z.string(),
  files: z.array(z.object({ path: z.string(), before: z.string().nullable() })),
}) satisfies z.ZodType<ReleaseJournal, z.ZodTypeDef, unknown>;

export function journalPath(root: string): string {
  return statePaths(root).releases;
}

export async function readJournal(root: string): Promise<ReleaseJournal | null> {
  const journal = await readStateFile(journalPath(root), journalSchema, {
    what: 'The release journal an interrupted `shipgate bump` left behind',
    hint: 'Inspect `git log -1`, `git tag` and `git status`; undo any half-made release commit/tag by hand, then delete this file.',
  });
  return journal ?? null;
}

export async function writeJournal(root: string, journal: ReleaseJournal): Promise<void> {
  await writeFileAtomic(journalPath(root), `${JSON.stringify(journal, null, 2)}\n`);
}

/** Remove the journal, and its folders when they are left empty. */
export async function removeJournal(root: string): Promise<void> {
  const path = journalPath(root);
  await rm(path, { force: true });
  for (let dir = dirname(path); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      break;
    }
  }
}
