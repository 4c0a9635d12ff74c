/**
 * The `.gitignore` and `.gitattributes` lines `shipgate init` writes, saying what a team commits and
 * what never: deployment records and learnings events are shared and reviewed (events merge by union);
 * the local Claude Code settings and anything else under `.claude/shipgate/` stay local. Gate state
 * is not in the repository at all (project/state-dir.ts). Lines already present are not repeated.
 *
 * Good: a second `shipgate init` adds nothing.
 * Bad:  committing `.claude/settings.local.json`, whose `sandbox.enabled: false` would undo hardening.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface GitLinesPlan {
  file: string;
  add: string[];
}

const IGNORE = [
  '# shipgate: never committed (gate state lives outside the repository; these are local)',
  '.claude/settings.local.json',
  '.claude/shipgate/*',
  '!.claude/shipgate/learnings/',
];

const ATTRIBUTES = [
  '# shipgate: committed and reviewed: shipgate.config.yaml, .claude/settings.json, the deployment',
  '# records in .claude/processes/ and the learnings events (append-only lines, merged by union)',
  '.claude/shipgate/learnings/events.jsonl merge=union',
];

export async function planGitLines(projectRoot: string): Promise<GitLinesPlan[]> {
  const plans: GitLinesPlan[] = [];
  for (const [name, lines] of [['.gitignore', IGNORE], ['.gitattributes', ATTRIBUTES]] as const) {
    const file = join(projectRoot, name);
    const current = (await readFile(file, 'utf8').catch(() => '')).split(/\r?\n/).map((l) => l.trim());
    const add = lines.filter((line) => !current.includes(line));
    // Comments only make sense with their lines: nothing to add when every rule is there.
    if (add.some((line) => !line.startsWith('#'))) plans.push({ file, add });
  }
  return plans;
}

export async function applyGitLines(plans: readonly GitLinesPlan[]): Promise<void> {
  for (const plan of plans) {
    const current = await readFile(plan.file, 'utf8').catch(() => '');
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await writeFileAtomic(plan.file, `${current}${separator}${current ? '\n' : ''}${plan.add.join('\n')}\n`);
  }
}
