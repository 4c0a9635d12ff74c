import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSkill } from '../../mcp-server/src/skill/parse-skill.js';
import { markdownTree } from '../../mcp-server/src/skill/markdown-tree.js';
import type { SkillDocument } from '../../mcp-server/src/skill/model.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

/** 1-based line of the first line containing `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`fixture has no line containing ${needle}`);
  return index + 1;
}

describe('the five seeds parse without a crash', () => {
  const seeds: Array<[string, string]> = [
    ['seed-000-commit-command.md', 'commands/commit.md'],
    ['seed-001-deploy-production.md', 'skills/deploy-production/SKILL.md'],
    ['seed-002-production-deployment.md', 'skills/production-deployment/SKILL.md'],
    ['seed-003-production-deployment-phase.md', 'skills/production-deployment-phase/SKILL.md'],
    ['seed-004-lessons-learned.md', 'skills/production-deployment-lessons/SKILL.md'],
  ];
  for (const [file, path] of seeds) {
    it(`${file} has no well-formedness problems and a Markdown tree (built on demand)`, () => {
      const doc = parseSkill(path, fixture(file));
      expect(doc.problems).toEqual([]);
      const tree = markdownTree(fixture(file));
      expect(tree.type).toBe('root');
      expect(tree.children.length).toBeGreaterThan(5);
      expect(doc.kind).toBe(path.startsWith('commands/') ? 'command' : 'skill');
    });
  }
});

describe('seed 001 (deploy-production)', () => {
  const text = fixture('seed-001-deploy-production.md');
  const doc: SkillDocument = parseSkill('skills/deploy-production/SKILL.md', text);

  it('reads the frontmatter with key positions', () => {
    expect(doc.frontmatter?.data.name).toBe('deploy-production');
    expect(doc.frontmatter?.data['disable-model-invocation']).toBe(true);
    expect(doc.frontmatter?.keys['allowed-tools']).toMatchObject({ line: 8, column: 1 });
    expect(doc.frontmatter?.values['allowed-tools']).toMatchObject({ line: 8, column: 16 });
    expect(doc.frontmatter?.position).toMatchObject({ line: 1, column: 1, endLine: 9 });
  });

  it('has one blocking gate with the 8 checks and the right deciders', () => {
    expect(doc.model.safetyGates).toHaveLength(1);
    const gate = doc.model.safetyGates[0]!;
    expect(gate.type).toBe('blocking');
    expect(gate.phase).toBe('pre_deployment');
    expect(gate.purpose).toMatch(/^Prevent deployment if ANY check fails/);
    expect(gate.validation).toMatch(/DO NOT PROCEED unless ALL items are verified\.$/);
    expect(gate.checks.map((c) => c.id)).toEqual([
      'tests_pass',
      'code_review',
      'migrations_tested',
      'backups_current',
      'deployment_plan',
      'rollback_ready',
      'monitoring_configured',
      'team_notified',
    ]);
    const [testsPass, ...rest] = gate.checks;
    expect(testsPass!.decider).toMatchObject({ kind: 'command', command: 'npm test', expected: 'Exit code 0, all tests pass' });
    expect(testsPass!.deciders).toHaveLength(1);
    expect(testsPass!.failureMode).toBe('BLOCK deployment');
    for (const check of rest) {
      expect(check.decider?.kind, check.id).toBe('attestation');
      expect(check.failureMode).toBe('BLOCK deployment');
    }
    expect(gate.checks[1]!.decider).toMatchObject({ requirement: 'Recent commits reviewed and approved', verification: 'Check PR approval status in git log' });
  });

  it('positions a check at its real line and column', () => {
    const testsPass = doc.model.safetyGates[0]!.checks[0]!;
    expect(testsPass.position.line).toBe(lineOf(text, '<check id="tests_pass">'));
    expect(testsPass.position.column).toBe(3);
    const decider = testsPass.decider!;
    expect(decider.kind === 'command' && decider.position.line).toBe(lineOf(text, '<command>npm test</command>'));
    const teamNotified = doc.model.safetyGates[0]!.checks[7]!;
    expect(teamNotified.position.line).toBe(lineOf(text, 'team_notified'));
    expect(teamNotified.position.endLine).toBe(lineOf(text, '    </check>'));
  });

  it('has the rollback procedure: 4 trigger conditions and 5 numbered steps', () => {
    expect(doc.model.rollbackProcedures).toHaveLength(1);
    const rollback = doc.model.rollbackProcedures[0]!;
    expect(rollback.purpose).toBe('Emergency rollback when deployment fails or health checks fail');
    expect(rollback.triggerConditions.map((c) => c.text)).toEqual([
      'Health checks fail after 5 minutes',
      'Error rate exceeds 5% for 2 minutes',
      'Manual abort triggered',
      'Database migration failures',
    ]);
    expect(rollback.sequential).toBe(true);
    expect(rollback.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rollback.steps.map((s) => s.action)).toEqual(['immediate_rollback', 'verify_rollback', 'investigate_root_cause', 'prepare_fix', 'redeploy']);
    expect(rollback.steps[0]).toMatchObject({ command: 'kubectl rollout undo deployment/myapp', timeoutMs: 30_000, expected: 'Rollback initiated, previous version restored' });
    expect(rollback.steps[1]!.timeoutMs).toBe(120_000);
    expect(rollback.steps[2]!.investigation).toContain('kubectl logs -f deployment/myapp --tail=100');
    expect(rollback.steps[3]!.actions).toEqual(['Fix the issue in code', 'Test in staging environment', 'Update deployment plan with lessons learned', 'Get approval for re-deployment']);
    expect(rollback.steps[4]!.actions).toHaveLength(3);
    expect(rollback.steps[0]!.position.line).toBe(lineOf(text, '<step id="1" action="immediate_rollback">'));
  });

  it('parses the logic flow digraph: 8 nodes, 8 edges (the seed writes 8 edge statements)', () => {
    expect(doc.model.logicFlows).toHaveLength(1);
    const flow = doc.model.logicFlows[0]!;
    expect(flow.error).toBeUndefined();
    expect(flow.graphName).toBe('Deployment');
    expect(flow.nodes.map((n) => n.id)).toEqual(['Verify', 'Build', 'Docker', 'Push', 'Deploy', 'Check', 'Success', 'Rollback']);
    expect(flow.nodes.find((n) => n.id === 'Success')).toMatchObject({ label: 'Deployment Success', attributes: { style: 'filled', fillcolor: 'lightgreen' } });
    expect(flow.edges.map((e) => `${e.from}->${e.to}${e.label ? `:${e.label}` : ''}`)).toEqual([
      'Verify->Build',
      'Build->Docker',
      'Docker->Push',
      'Push->Deploy',
      'Deploy->Check',
      'Check->Success:Health OK',
      'Check->Rollback:Errors',
      'Rollback->Verify:Fix & Retry',
    ]);
    expect(flow.edges[7]!.position).toMatchObject({ line: lineOf(text, 'Rollback -> Verify'), column: 5 });
    expect(flow.nodes[0]!.position).toMatchObject({ line: lineOf(text, 'Verify [label='), column: 1 });
  });

  it('has the mission control and both critical constraints', () => {
    expect(doc.model.missionControl).toHaveLength(1);
    expect(doc.model.missionControl[0]!.objective).toBe('Deploy application to production with comprehensive safety checks and emergency rollback capability');
    expect(doc.model.missionControl[0]!.successCriteria).toMatch(/^Deployment succeeds with zero downtime/);
    expect(doc.model.criticalConstraints).toHaveLength(2);
    expect(doc.model.criticalConstraints[0]!.text).toContain('Never deploy Friday afternoon or before holidays');
  });

  it('builds the Markdown tree with original positions and without the XML tag text', () => {
    const tree = markdownTree(text);
    const headings = tree.children.filter((n) => n.type === 'heading');
    const deploymentProcess = headings.find((h) => h.type === 'heading' && JSON.stringify(h).includes('Deployment Process'));
    expect(deploymentProcess?.position?.start.line).toBe(lineOf(text, '## Deployment Process'));
    expect(JSON.stringify(tree)).not.toContain('<check');
    const code = tree.children.filter((n) => n.type === 'code');
    expect(code.some((c) => c.type === 'code' && c.value.includes('kubectl apply -f manifests/production/'))).toBe(true);
  });
});

describe('seed 003 (production-deployment-phase)', () => {
  const text = fixture('seed-003-production-deployment-phase.md');
  const doc = parseSkill('skills/production-deployment-phase/SKILL.md', text);

  it('has 6 pitfalls with the right ids, titles and impacts', () => {
    expect(doc.model.pitfalls.map((p) => p.id)).toEqual([
      'deploy_without_staging_validation',
      'missing_rollback_verification',
      'insufficient_health_checks',
      'no_post_deploy_monitoring',
      'wrong_version_bump',
      'missing_git_tag',
    ]);
    expect(doc.model.pitfalls[0]).toMatchObject({
      title: 'Deploying to production before staging validation',
      impact: 'Untested code reaches production, high risk of incidents',
    });
    expect(doc.model.pitfalls[0]!.position.line).toBe(lineOf(text, '<pitfall name="deploy_without_staging_validation">'));
    expect(doc.model.pitfalls[2]!.body).toContain('curl /health && curl /api/status');
  });

  it('finds blocks nested in containers and keeps code-fenced text out of the tree', () => {
    expect(doc.elements.map((e) => e.name)).toEqual(['objective', 'quick_start', 'workflow', 'anti_patterns', 'success_criteria']);
    const workflow = doc.elements[2]!;
    expect(workflow.children.map((c) => c.name)).toEqual([
      'step_1_verify_staging',
      'step_2_bump_version',
      'step_3_create_release_tag',
      'step_4_deploy_production',
      'step_5_health_checks',
      'step_6_generate_ship_report',
      'step_7_monitor_post_deploy',
    ]);
    expect(workflow.children[0]!.text).toContain('if [ "$STAGING_STATUS" != "approved" ]; then');
  });
});

describe('seed 004 (lessons learned, Markdown pitfalls)', () => {
  const text = fixture('seed-004-lessons-learned.md');
  const doc = parseSkill('skills/production-deployment-lessons/SKILL.md', text);

  it('reads the two pitfalls under "Common Pitfalls" only', () => {
    expect(doc.model.pitfalls.map((p) => p.id)).toEqual(['missing_rollback_plan', 'insufficient_post_deploy_monitoring']);
    const [first, second] = doc.model.pitfalls;
    expect(first).toMatchObject({ title: 'Missing Rollback Plan', impact: 'Critical (extended downtime if issues arise)' });
    expect(first!.prevention).toBe('1. Document rollback steps before deploying\n2. Keep previous version tagged and deployable\n3. Test rollback procedure in staging');
    expect(first!.position.line).toBe(lineOf(text, '### 🚫 Missing Rollback Plan'));
    expect(second!.detection).toContain('curl -f http://production-url/health');
    expect(second!.prevention).toContain('Monitor for 30 minutes post-deploy');
    expect(second!.impact).toBe('High (delayed incident detection)');
  });
});
