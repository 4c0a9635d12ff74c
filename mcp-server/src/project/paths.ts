/** Where shipgate keeps machine state in the user's repository (never in the plugin folder). */
import { join } from 'node:path';

export const STATE_DIR = '.claude/shipgate';

export function statePaths(projectRoot: string) {
  const base = join(projectRoot, STATE_DIR);
  return {
    base,
    receipts: join(base, 'receipts'),
    attestations: join(base, 'attestations.jsonl'),
    runLog: join(base, 'runs.jsonl'),
    locks: join(base, 'locks'),
    releases: join(base, 'release-journal.json'),
    learnings: join(base, 'learnings'),
  };
}
