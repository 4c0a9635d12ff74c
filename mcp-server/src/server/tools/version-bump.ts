/**
 * `version_bump`: plan (and, with `apply: true`, make) a semantic version release from the
 * Conventional Commits since the last tag: version files, CHANGELOG.md, `chore(release)` commit,
 * annotated tag, and with `push: true` an atomic push of branch + tag.
 *
 * Dry run by default: the model sees the plan (version, reason, files, tag, refusals) before anything
 * is written. Annotations: not read-only (apply writes files, a commit and a tag); not destructive
 * (it only ADDS a commit and a tag, never overwrites or deletes user work, and any failure before the
 * push undoes exactly what it made); not idempotent (a second apply releases the next version);
 * open world (with push it talks to the git remote).
 *
 * Good: `{ bump: "auto" }` → plan "1.4.2 → 1.5.0 (minor: 2 feat commits …)".
 * Bad:  `{ bump: "patch", apply: true }` after a breaking commit → refused (isError) unless `force`.
 */
import { z } from 'zod';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  bump: z.enum(['auto', 'major', 'minor', 'patch', 'prerelease']).default('auto').describe('Which part of the version to bump; auto derives it from Conventional Commits.'),
  preid: z.string().regex(/^[0-9A-Za-z-]{1,20}$/).optional().describe('Prerelease identifier for bump=prerelease, e.g. beta → 2.0.1-beta.0.'),
  apply: z.boolean().default(false).describe('false (default): only return the plan. true: write files, commit and tag.'),
  push: z.boolean().default(false).describe('With apply: push the branch and the tag atomically.'),
  force: z.boolean().default(false).describe('Allow a level smaller than the commits imply (recorded as a pitfall).'),
};

const refusal = z.object({ id: z.string(), message: z.string(), hint: z.string() });
const outputSchema = {
  ok: z.boolean(),
  dryRun: z.boolean(),
  nothingToRelease: z.boolean(),
  currentVersion: z.string(),
  nextVersion: z.string().nullable(),
  requested: z.string(),
  chosen: z.string(),
  implied: z.string(),
  reason: z.string(),
  reasons: z.array(z.object({ hash: z.string(), header: z.string() })),
  lastTag: z.string().nullable(),
  commitCount: z.number(),
  tag: z.string().nullable(),
  commitMessage: z.string().nullable(),
  tagMessage: z.string().nullable(),
  files: z.array(z.object({ path: z.string(), what: z.string(), created: z.boolean() })),
  changelog: z.object({ path: z.string(), source: z.enum(['unreleased', 'generated']), excerpt: z.string() }).nullable(),
  push: z.boolean(),
  branch: z.string().nullable(),
  refusals: z.array(refusal),
  applied: z.object({ version: z.string(), tag: z.string(), commit: z.string(), pushed: z.boolean(), files: z.array(z.string()) }).nullable(),
  recovery: z.object({ tag: z.string(), step: z.string(), action: z.enum(['completed', 'rolled-back', 'needs-repair']), message: z.string() }).nullable(),
  warnings: z.array(z.string()),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'version_bump',
  title: 'Plan or make a release',
  description:
    'Compute the next semantic version from Conventional Commits since the last tag (or an explicit level) and show why. Dry run by default; apply: true writes package.json, version files and CHANGELOG.md, commits `chore(release): vX.Y.Z` and creates an annotated tag, all or nothing; push: true pushes branch and tag atomically.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    // Loaded on first call: the release core pulls in git, yaml, semver and the commit parser,
    // which must not slow down `tools/list` at server start.
    const { runBump } = await import('../../release/run-bump.js');
    const { bumpResultDocument, describeBumpResult } = await import('../../release/describe-result.js');
    const result = await runBump(context.projectRoot, {
      bump: args.bump,
      preid: args.preid,
      dryRun: !args.apply,
      push: args.push,
      force: args.force,
      now: context.now(),
      env: context.env,
    });
    const structured = bumpResultDocument(result);
    return { structured, text: describeBumpResult(result), isError: !result.ok };
  },
};
