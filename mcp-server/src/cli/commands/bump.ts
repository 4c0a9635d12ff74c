/**
 * `shipgate bump [auto|major|minor|patch|prerelease] [--preid ID] [--dry-run] [--push] [--force] [--json]`
 * Plan a release from the Conventional Commits since the last tag, then apply it all or nothing:
 * version files, CHANGELOG.md, `chore(release): vX.Y.Z` commit, annotated tag, optional atomic push.
 *
 * Good: `shipgate bump --dry-run` → "1.4.2 → 1.5.0 [minor] Reason: minor: 2 feat commits (…)", exit 0.
 * Bad:  `shipgate bump patch` after a `feat!:` commit → refused (exit 1) unless --force.
 * Exit: 0 released / planned / nothing to release; 1 refused or failed (a dry run that a real run
 * would refuse also exits 1); 2 usage or configuration error.
 */
import type { CliCommand } from '../command.js';
import { UsageError, quote } from '../../errors.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { runBump } from '../../release/run-bump.js';
import type { BumpRequest } from '../../release/next-version.js';
import { bumpResultDocument, describeBumpResult } from '../../release/describe-result.js';

const LEVELS: readonly BumpRequest[] = ['auto', 'major', 'minor', 'patch', 'prerelease'];
const PREID = /^[0-9A-Za-z-]{1,20}$/;

export const command: CliCommand = {
  name: 'bump',
  summary: 'Plan and apply a semantic version release: version files, changelog, commit, annotated tag.',
  usage: [
    '  shipgate bump [auto|major|minor|patch|prerelease] [--preid ID] [--dry-run] [--push] [--force] [--json]',
    '',
    '  auto (default)  derive the level from Conventional Commits since the last tag',
    '  --preid ID      prerelease identifier (beta → 2.0.1-beta.0, then -beta.1)',
    '  --dry-run       print the plan (version, reason, files, tag); change nothing',
    '  --push          push the branch and the tag atomically (git push --atomic)',
    '  --force         allow a level smaller than the commits imply',
  ].join('\n'),
  options: {
    preid: { type: 'string' },
    'dry-run': { type: 'boolean' },
    push: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(input, context) {
    if (input.positionals.length > 1) {
      throw new UsageError('shipgate bump takes at most one level.', { found: input.positionals.join(' '), expected: LEVELS.join('|'), hint: 'Example: `shipgate bump minor --dry-run`.' });
    }
    const level = (input.positionals[0] ?? 'auto') as BumpRequest;
    if (!LEVELS.includes(level)) {
      throw new UsageError(`Unknown bump level ${quote(level, 40)}.`, { where: 'shipgate bump <level>', expected: LEVELS.join('|'), hint: 'Example: `shipgate bump minor --dry-run`.' });
    }
    const preid = input.values.preid;
    if (preid !== undefined && (typeof preid !== 'string' || !PREID.test(preid))) {
      throw new UsageError('--preid must be 1-20 letters, digits or hyphens.', { where: '--preid', found: String(preid), expected: 'e.g. beta, rc, alpha-1' });
    }
    const root = await findProjectRoot(context.cwd);
    const result = await runBump(root, {
      bump: level,
      preid: preid as string | undefined,
      dryRun: Boolean(input.values['dry-run']),
      push: Boolean(input.values.push),
      force: Boolean(input.values.force),
      now: context.now(),
      env: context.env,
    });
    if (input.json) context.stdout.write(`${JSON.stringify(bumpResultDocument(result), null, 2)}\n`);
    else context.stdout.write(describeBumpResult(result));
    return result.ok ? 0 : 1;
  },
};
