import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { recordLesson } from '../../mcp-server/src/learnings/record-lesson.js';
import { loadCatalog } from '../../mcp-server/src/learnings/catalog.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';
import { steppingClock, tempProject } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const PLUGIN_SKILL = `---
name: deployment-lessons
description: Lessons learned from production deploys. Use when deploying.
---

# Lessons

<anti_patterns>
<pitfall id="missing_git_tag" impact="Cannot tell what runs in production">
Deploying an untagged commit.
<prevention>Tag with shipgate bump before deploying.</prevention>
<detection>The deployed commit carries no tag.</detection>
</pitfall>

<pitfall id="missing_rollback_plan" impact="Critical (extended downtime if issues arise)">
No rollback plan.
<prevention>Document rollback steps before deploying.</prevention>
</pitfall>
</anti_patterns>
`;

const PROJECT_SKILL = `---
name: our-deploys
description: Our own deploy lessons. Use when deploying the shop.
---

<anti_patterns>
<pitfall id="forgot_feature_flag" impact="High (half-finished feature visible)">
Shipping without the feature flag off.
<prevention>Check flags.yaml before deploying.</prevention>
</pitfall>
</anti_patterns>
`;

async function makePlugin(dir: string): Promise<void> {
  await mkdir(join(dir, '.claude-plugin'), { recursive: true });
  await writeFile(join(dir, '.claude-plugin/plugin.json'), '{"name":"shipgate"}\n');
  await mkdir(join(dir, 'skills/deployment-lessons'), { recursive: true });
  await writeFile(join(dir, 'skills/deployment-lessons/SKILL.md'), PLUGIN_SKILL);
}

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('catalog and plugin reinstall', () => {
  it('reads pitfalls from the plugin skills and the project skills through the skill model', async () => {
    const { root, cleanup } = await tempProject();
    cleanups.push(cleanup);
    const plugin = join(root, 'plugin');
    const project = join(root, 'project');
    await makePlugin(plugin);
    await mkdir(join(project, '.claude/skills/our-deploys'), { recursive: true });
    await writeFile(join(project, '.claude/skills/our-deploys/SKILL.md'), PROJECT_SKILL);
    const catalog = await loadCatalog(project, join(project, '.claude/shipgate/learnings'), { pluginRoot: plugin });
    const tag = catalog.find((e) => e.id === 'missing_git_tag')!;
    expect(tag).toMatchObject({ impact: 'Cannot tell what runs in production', prevention: 'Tag with shipgate bump before deploying.', detection: 'The deployed commit carries no tag.', phase: 'deploy', detectable: true });
    expect(tag.source).toMatch(/^skills\/deployment-lessons\/SKILL\.md:\d+$/);
    expect(catalog.find((e) => e.id === 'forgot_feature_flag')).toMatchObject({ impact: 'High (half-finished feature visible)', detectable: false });
    // All 8 detection rules are present even when the skills describe only some.
    expect(catalog.filter((e) => e.detectable)).toHaveLength(8);
    // The snapshot is used while the skills are unchanged, refreshed when one changes.
    await writeFile(join(project, '.claude/skills/our-deploys/SKILL.md'), PROJECT_SKILL.replace('High (half-finished feature visible)', 'Medium'));
    const again = await loadCatalog(project, join(project, '.claude/shipgate/learnings'), { pluginRoot: plugin });
    expect(again.find((e) => e.id === 'forgot_feature_flag')!.impact).toBe('Medium');
  });

  it('a plugin reinstall (a fresh copy of the plugin folder) keeps every count', async () => {
    const { root, cleanup } = await tempProject();
    cleanups.push(cleanup);
    const pristine = join(root, 'pristine-plugin');
    await makePlugin(pristine);
    const installed = join(root, 'cache/shipgate/0.1.0');
    await cp(pristine, installed, { recursive: true });
    const project = join(root, 'project');
    await mkdir(project);
    const now = steppingClock();
    const opts = { pluginRoot: installed, now, onWarning: () => {} };
    for (let i = 0; i < 3; i++) await recordRun(project, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: i === 1 }, opts);
    await recordLesson(project, { pitfalls: ['missing_rollback_plan'], note: 'no rollback doc', author: 'ana' }, opts);
    expect(await listAll(installed)).toEqual(await listAll(pristine)); // nothing was written into the plugin

    // Update: the old folder is removed and a fresh copy lands elsewhere (as Claude Code does).
    await rm(installed, { recursive: true });
    const updated = join(root, 'cache/shipgate/0.2.0');
    await cp(pristine, updated, { recursive: true });
    await recordRun(project, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false }, { ...opts, pluginRoot: updated });

    const view = await readLearnings(project, { pluginRoot: updated });
    const byId = Object.fromEntries(view.summary.pitfalls.map((p) => [p.id, p]));
    expect(byId.missing_git_tag).toMatchObject({ count: 3, seen: 3, frequency: '★★★☆☆ (3/5)' });
    expect(byId.missing_rollback_plan).toMatchObject({ count: 1, seen: 1 });
    expect(view.summary.runs).toBe(4);
    const md = await readFile(join(project, '.claude/shipgate/learnings/learnings.md'), 'utf8');
    expect(md).toContain('**Impact**: Cannot tell what runs in production');
    expect(md).toMatch(/- 2026-03-02 \(ana\): no rollback doc/);
  });
});
