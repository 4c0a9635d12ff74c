/**
 * Reads every skill and command through the skill model (loadSkillFile) and checks what the seeds
 * promise: each gate check is decided by a command or a verify, or is an attestation on purpose; seed
 * 001's eight checks, four trigger conditions (in machine form), five rollback steps, logic flow and
 * critical constraints survive in production-gate; seed 003's prerequisites are state checks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadSkillFile } from '../../mcp-server/src/skill/load-skill.js';
import { VERIFY_KIND_NAMES, FAILURE_MODES, TRIGGER_METRICS, TRIGGER_EVENTS } from '../../mcp-server/src/skill/verify-kinds.js';
import type { GateCheck, SkillDocument } from '../../mcp-server/src/skill/model.js';
import { COMMAND_NAMES, SKILL_NAMES, commandPath, markdownFilesUnder, skillPath } from './plugin-files.js';

/** Checks that a human must attest on purpose: no command can decide them in a generic project. */
const INTENTIONAL_ATTESTATIONS = new Set(['code_review', 'monitoring_configured', 'team_notified']);

async function load(path: string): Promise<SkillDocument> {
  return loadSkillFile(path);
}

function howDecided(check: GateCheck): string {
  const decider = check.decider;
  if (!decider) return 'undecided';
  if (decider.kind === 'command') return 'command';
  if (decider.kind === 'verify') return `verify:${decider.verify.kind}`;
  return 'prose-attestation';
}

describe('every skill and command parses through the model', () => {
  const files = [...markdownFilesUnder('skills'), ...markdownFilesUnder('commands')];

  it('finds the five skills and the five commands', () => {
    for (const name of SKILL_NAMES) expect(existsSync(skillPath(name)), name).toBe(true);
    for (const name of COMMAND_NAMES) expect(existsSync(commandPath(name)), name).toBe(true);
  });

  it.each(files)('%s has no parse problems', async (file) => {
    const document = await load(file);
    expect(document.problems.map((p) => `${p.ruleId} ${p.position.line}:${p.position.column} ${p.message}`)).toEqual([]);
  });
});

describe('gate checks are decidable', () => {
  it.each(SKILL_NAMES)('%s: every check has exactly one decider, a known kind and a blocking failure mode', async (name) => {
    const document = await load(skillPath(name));
    for (const gate of document.model.safetyGates) {
      expect(gate.type).toBe('blocking');
      expect(gate.checks.length).toBeGreaterThan(0);
      for (const check of gate.checks) {
        expect(check.deciders, check.id).toHaveLength(1);
        const decided = howDecided(check);
        expect(decided, `${name}:${check.id}`).not.toBe('undecided');
        // Prose-only (requirement + verification) means "a human attests": only allowed when listed on purpose.
        if (decided === 'prose-attestation') expect(INTENTIONAL_ATTESTATIONS.has(check.id), `${check.id} is prose-only`).toBe(true);
        if (decided === 'verify:attestation') expect(INTENTIONAL_ATTESTATIONS.has(check.id), `${check.id} is attested but not listed as intentional`).toBe(true);
        if (check.decider?.kind === 'verify') expect(VERIFY_KIND_NAMES).toContain(check.decider.verify.kind);
        expect(FAILURE_MODES, `${check.id} failure mode`).toContain(check.failureMode);
      }
    }
  });
});

describe('production-gate keeps everything seed 001 promises', () => {
  it('is the manual-only gate skill', async () => {
    const document = await load(skillPath('production-gate'));
    expect(document.frontmatter?.data['name']).toBe('production-gate');
    expect(document.frontmatter?.data['disable-model-invocation']).toBe(true);
    expect(document.model.missionControl).toHaveLength(1);
  });

  it('decides the 8 seed checks (plus the deploy window and the rollback test) as designed', async () => {
    const document = await load(skillPath('production-gate'));
    const checks = new Map(document.model.safetyGates.flatMap((gate) => gate.checks).map((check) => [check.id, check]));
    const expected: Record<string, string> = {
      tests_pass: 'command',
      code_review: 'verify:attestation',
      migrations_tested: 'verify:state',
      backups_current: 'verify:file-age',
      deployment_plan: 'verify:file-exists',
      rollback_ready: 'verify:file-exists',
      monitoring_configured: 'verify:attestation',
      team_notified: 'verify:attestation',
      deploy_window: 'verify:deploy-window',
      rollback_tested: 'verify:state',
    };
    for (const [id, decided] of Object.entries(expected)) {
      const check = checks.get(id);
      expect(check, `check ${id} dropped`).toBeDefined();
      if (check) expect(howDecided(check), id).toBe(decided);
    }
    const tests = checks.get('tests_pass');
    expect(tests?.decider?.kind === 'command' ? tests.decider.command : '').toBe('npm test');
    expect(tests?.timeoutMs).toBe(10 * 60_000);
    const backups = checks.get('backups_current')?.decider;
    expect(backups?.kind === 'verify' ? backups.verify.attributes : {}).toMatchObject({ path: 'backups/*', max_age: '24h' });
    const plan = checks.get('deployment_plan')?.decider;
    expect(plan?.kind === 'verify' ? plan.verify.attributes['path'] : '').toBe('docs/deployments/YYYY-MM-DD-plan.md');
    const rollbackScript = checks.get('rollback_ready')?.decider;
    expect(rollbackScript?.kind === 'verify' ? rollbackScript.verify.attributes['path'] : '').toBe('scripts/rollback.sh');
  });

  it('keeps the four trigger conditions in machine form', async () => {
    const document = await load(skillPath('production-gate'));
    const [procedure] = document.model.rollbackProcedures;
    expect(procedure).toBeDefined();
    const conditions = procedure?.triggerConditions ?? [];
    expect(conditions.map((c) => ({ metric: c.metric, above: c.above, forMs: c.forMs, event: c.event }))).toEqual([
      { metric: 'health_failing', above: undefined, forMs: 5 * 60_000, event: undefined },
      { metric: 'error_rate', above: 0.05, forMs: 2 * 60_000, event: undefined },
      { metric: undefined, above: undefined, forMs: undefined, event: 'manual_abort' },
      { metric: undefined, above: undefined, forMs: undefined, event: 'migration_failure' },
    ]);
    for (const condition of conditions) {
      if (condition.metric) expect(TRIGGER_METRICS).toContain(condition.metric);
      if (condition.event) expect(TRIGGER_EVENTS).toContain(condition.event);
      expect(condition.text.length).toBeGreaterThan(10);
    }
  });

  it('keeps the five sequential rollback steps of the seed', async () => {
    const document = await load(skillPath('production-gate'));
    const procedure = document.model.rollbackProcedures[0];
    expect(procedure?.sequential).toBe(true);
    expect(procedure?.steps.map((s) => [s.number, s.action])).toEqual([
      [1, 'immediate_rollback'],
      [2, 'verify_rollback'],
      [3, 'investigate_root_cause'],
      [4, 'prepare_fix'],
      [5, 'redeploy'],
    ]);
    const [first, second] = procedure?.steps ?? [];
    expect(first?.timeoutMs).toBe(30_000);
    expect(second?.timeoutMs).toBe(120_000);
    expect(procedure?.steps[2]?.investigation).toMatch(/Check logs/);
    expect(procedure?.steps[4]?.actions.join('\n')).toMatch(/All safety gates MUST pass/);
  });

  it('has a logic flow with a path to success and to rollback, and the critical constraints', async () => {
    const document = await load(skillPath('production-gate'));
    const [flow] = document.model.logicFlows;
    expect(flow?.error).toBeUndefined();
    const reachable = new Set<string>(['Verify']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const edge of flow?.edges ?? []) if (reachable.has(edge.from) && !reachable.has(edge.to)) (reachable.add(edge.to), (grew = true));
    }
    expect(reachable).toContain('Success');
    expect(reachable).toContain('Rollback');
    expect(new Set(flow?.nodes.map((n) => n.id))).toEqual(reachable);
    const constraints = document.model.criticalConstraints.map((c) => c.text).join('\n');
    for (const promise of ['ALL safety gates MUST pass', 'Rollback procedure MUST be tested', 'Monitor deployment for 30 minutes', 'Document ALL deployments', 'Never deploy Friday afternoon or before holidays']) {
      expect(constraints).toContain(promise);
    }
  });
});

describe('production-promotion keeps seed 003', () => {
  it('reads the staging approval and the rollback gate from state.yaml', async () => {
    const document = await load(skillPath('production-promotion'));
    const verifies = document.model.safetyGates.flatMap((g) => g.checks).map((c) => c.decider).flatMap((d) => (d?.kind === 'verify' ? [d.verify] : []));
    expect(verifies.map((v) => [v.kind, v.attributes['key'], v.attributes['equals']])).toEqual(
      expect.arrayContaining([
        ['state', 'manual_gates.staging_validation.status', 'approved'],
        ['state', 'quality_gates.rollback.status', 'passed'],
      ]),
    );
  });

  it('keeps the six pitfalls with the seed ids, each with impact, prevention and detection', async () => {
    const document = await load(skillPath('production-promotion'));
    const pitfalls = document.model.pitfalls;
    expect(pitfalls.map((p) => p.id)).toEqual(['deploy_without_staging_validation', 'missing_rollback_verification', 'insufficient_health_checks', 'no_post_deploy_monitoring', 'wrong_version_bump', 'missing_git_tag']);
    for (const pitfall of pitfalls) {
      expect(pitfall.impact, pitfall.id).toBeTruthy();
      expect(pitfall.prevention, pitfall.id).toBeTruthy();
      expect(pitfall.detection, pitfall.id).toBeTruthy();
    }
  });
});

describe('skill and command metadata', () => {
  it.each(SKILL_NAMES)('%s: folder is the name, no command of the same name, What-When-Not description', async (name) => {
    const document = await load(skillPath(name));
    expect(document.frontmatter?.data['name']).toBe(name);
    expect(basename(dirname(document.path))).toBe(name);
    expect(COMMAND_NAMES as readonly string[]).not.toContain(name);
    const description = String(document.frontmatter?.data['description'] ?? '');
    expect(description).toMatch(/^[A-Z][a-z]+s /); // third person: "Defines", "Shows", "Promotes"
    expect(description).toMatch(/Use when/);
    expect(description).toMatch(/Not for/);
  });

  it('lets the agent load the lessons skill, and renders current frequencies on load', async () => {
    const document = await load(skillPath('deployment-lessons'));
    expect(document.frontmatter?.data['disable-model-invocation']).not.toBe(true);
    expect(document.text).toContain('!`node "${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/cli.js" learnings show --format markdown');
    expect(String(document.frontmatter?.data['allowed-tools'])).toContain('Bash(node:*)');
    expect(document.text).toContain('learnings_get');
    expect(document.model.pitfalls.map((p) => p.id)).toEqual(['missing_rollback_plan', 'insufficient_post_deploy_monitoring']);
  });

  it.each(COMMAND_NAMES)('/%s has description, argument-hint and allowed-tools', async (name) => {
    const document = await load(commandPath(name));
    expect(document.kind).toBe('command');
    const data = document.frontmatter?.data ?? {};
    expect(String(data['description'] ?? '').length).toBeGreaterThan(20);
    expect(String(data['argument-hint'] ?? '')).toMatch(/^\[/);
    expect(String(data['allowed-tools'] ?? '')).toContain('mcp__plugin_shipgate_shipgate__');
    expect(document.text).toMatch(/\$ARGUMENTS|\$1/);
    expect(document.text).toMatch(/recordPath|record/);
  });
});
