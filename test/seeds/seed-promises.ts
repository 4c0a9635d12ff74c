/**
 * Every promise of the five seed documents (/work/shared/seeds, quoted in DESIGN.md), where shipgate
 * enforces it, and the test that proves it on a real project, or why it stays prose. The seed test files
 * (seed-00N.test.ts) check each proof exists, so this table cannot rot silently; README's "Seed promises"
 * table is generated from it (readme-table.test.ts).
 */
export type Proof =
  | { kind: 'test'; file: string; test: string }
  | { kind: 'prose'; reason: string };

export interface SeedPromise {
  promise: string;
  where: string;
  proof: Proof;
}

const t = (file: string, test: string): Proof => ({ kind: 'test', file, test });
const prose = (reason: string): Proof => ({ kind: 'prose', reason });

export const SEEDS: Record<'000' | '001' | '002' | '003' | '004', { title: string; promises: SeedPromise[] }> = {
  '000': {
    title: 'seed 000: /commit, production deployment and change management',
    promises: [
      { promise: 'Confirm all validation gates have passed', where: 'deploy/run-deploy.ts requires a signed receipt (gates/receipts.ts)', proof: t('test/deploy/deploy-canary.test.ts', 'refuses a deploy without a receipt and changes nothing') },
      { promise: 'Verify rollback procedures are tested and ready', where: 'production-gate rollback_ready + rollback_tested', proof: t('test/plugin/default-gate-runs.test.ts', 'passes every check in a project laid out as documented, and issues a receipt') },
      { promise: 'Check deployment window', where: 'verify kind deploy-window (gates/verify/deploy-window.ts)', proof: t('test/gates/run-gate.test.ts', 'a Friday-afternoon clock blocks, Wednesday passes') },
      { promise: 'Stakeholder notifications; monitoring and support teams ready', where: 'attestations team_notified, monitoring_configured', proof: t('test/plugin/default-gate-runs.test.ts', 'waits for a human when an attestation is missing') },
      { promise: 'Follow documented deployment procedures exactly', where: 'plan/apply split; --dry-run prints the plan that runs', proof: t('test/deploy/deploy-canary.test.ts', '--dry-run plans every command with its timeout') },
      { promise: 'Monitor system health throughout deployment', where: 'deploy/steps/monitor.ts', proof: t('test/deploy/apply-deploy-clock.test.ts', 'a failing monitor rolls back on the clock') },
      { promise: 'Validate each deployment step before proceeding', where: 'deploy/apply-deploy.ts stops at the first failed step', proof: t('test/deploy/deploy-pre-traffic-smoke.test.ts', 'a candidate whose home page fails its smoke test never takes traffic') },
      { promise: 'Document any deviations or issues encountered', where: 'records/render-record.ts "Deviations from the plan"', proof: t('test/records/change-documentation.test.ts', 'skipped steps as deviations') },
      { promise: 'Run smoke tests to verify system functionality', where: 'deploy/steps/smoke.ts', proof: t('test/health/smoke-tests.test.ts', 'reports wrong status and missing body text per test') },
      { promise: 'Monitor performance metrics and error rates', where: 'health/monitor.ts, health/prometheus.ts', proof: t('test/deploy/deploy-prometheus.test.ts', 'record says prometheus canary_5xx') },
      { promise: 'Confirm integrations and user-facing features work', where: 'the configured health checks and smoke tests', proof: prose('which integrations matter is project knowledge: shipgate runs the checks the project configures') },
      { promise: 'Deployment record .claude/processes/deployment-[release]-[date].md with timestamps', where: 'records/deployment-record.ts (release = the tag, e.g. deployment-v2.7.0-2026-12-05.md)', proof: t('test/seeds/seed-000.test.ts', 'names the record after the release tag and the date') },
      { promise: 'Document any configuration changes made', where: 'records/deploy-context.ts (config diff since the last deploy)', proof: t('test/records/change-documentation.test.ts', 'the config diff since v1.1.0') },
      { promise: 'Update system documentation and runbooks', where: 'records/runbook.ts (shipgate runbook, runbook_generate)', proof: t('test/deploy/deploy-tools.test.ts', 'runbook_generate writes the runbook for a strategy override') },
      { promise: 'Notify stakeholders; record stakeholder communications', where: 'config `notify:` run by deploy/notify-stakeholders.ts once the outcome is known; record facts.communications and section "Stakeholder communications" (none when no notify is configured)', proof: t('test/records/stakeholder-communications.test.ts', 'a succeeded deploy notifies with every placeholder filled in and records what was sent') },
      { promise: 'Pre-deployment checklist with verification results in the record', where: 'record "Gate checklist" from the receipt', proof: t('test/deploy/deploy-canary.test.ts', 'ships a good release: all traffic on it, record succeeded') },
      { promise: 'Deployment issues: execute rollback procedures immediately', where: 'automatic rollback (deploy/apply-deploy.ts)', proof: t('test/deploy/deploy-canary.test.ts', 'rolls a bad release (500s) back on its own') },
      { promise: 'Flows to /retrospect for learning capture', where: 'commands/retrospect.md, learnings_record', proof: t('test/learnings/surfaces.test.ts', 'learnings_record appends a retrospect event') },
      { promise: 'Educational value (rocket launch analogy)', where: 'skills/change-management', proof: prose('teaching text for people, nothing to enforce') },
    ],
  },
  '001': {
    title: 'seed 001: deploy-production skill',
    promises: [
      { promise: 'Manual-only invocation (disable-model-invocation)', where: 'skills/production-gate frontmatter', proof: t('test/plugin/skills-decidable.test.ts', 'is the manual-only gate skill') },
      { promise: 'Blocking gate: 8 checks decided in code', where: 'gates/run-gate.ts, production-gate', proof: t('test/plugin/skills-decidable.test.ts', 'decides the 8 seed checks') },
      { promise: 'tests_pass: npm test exit 0 or BLOCK', where: 'gates/run-gate.ts command checks', proof: t('test/gates/run-gate.test.ts', 'a failing `npm test` blocks, issues no receipt') },
      { promise: 'code_review / team_notified / monitoring_configured confirmed by a human', where: 'verify kind attestation (human channel only)', proof: t('test/gates/run-gate.test.ts', 'prose checks need a recorded attestation for this commit') },
      { promise: 'Backups current (within 24h)', where: 'verify kind file-age', proof: t('test/plugin/default-gate-runs.test.ts', 'blocks on stale backups') },
      { promise: 'Deployment plan docs/deployments/YYYY-MM-DD-plan.md', where: 'verify kind file-exists with date tokens', proof: t('test/gates/run-gate.test.ts', 'file-exists expands date tokens') },
      { promise: 'Run each check sequentially; if ANY fails, STOP', where: 'gates/run-gate.ts fail-fast', proof: t('test/gates/run-gate.test.ts', 'fails fast (later checks skipped) unless all is set') },
      { promise: 'NO "looks good" rationalization', where: 'no tool argument stands in for a result; receipts are signed', proof: t('test/server/gate-check.test.ts', 'refuses an argument that could stand in for a result') },
      { promise: 'Logic flow: a path to success and to rollback', where: 'validate rules logic-flow-*', proof: t('test/plugin/skills-decidable.test.ts', 'has a logic flow with a path to success and to rollback') },
      { promise: 'Verify deployment: health checks passing', where: 'deploy/steps/health.ts', proof: t('test/deploy/deploy-git-push.test.ts', 'a hanging health endpoint times out and rolls back') },
      { promise: 'Verify deployment: logs show no errors', where: 'monitor log check (#14.5)', proof: t('test/health/monitor-logs-and-watch.test.ts', 'error lines in the log command output roll back; quiet logs pass') },
      { promise: 'Verify deployment: metrics within normal range', where: 'health/prometheus.ts', proof: t('test/health/prometheus.test.ts', 'a threshold breach held for `for` rolls back') },
      { promise: 'Verify deployment: smoke tests pass', where: 'deploy/steps/smoke.ts', proof: t('test/deploy/deploy-pre-traffic-smoke.test.ts', 'a candidate whose home page fails its smoke test never takes traffic') },
      { promise: 'Post-deployment: notify team of successful deployment', where: 'config `notify:` (on: succeeded), deploy/notify-stakeholders.ts; a failing notify is a recorded deviation', proof: t('test/records/stakeholder-communications.test.ts', 'a failing notify (exit 3) is a recorded deviation: the deploy still succeeded') },
      { promise: 'Monitor for 30 minutes after success', where: 'config monitor.duration default 30m', proof: t('test/seeds/seed-001.test.ts', 'monitors 30 minutes by default, with the seed triggers') },
      { promise: 'Triggers: health fails 5 min, error rate > 5% for 2 min', where: 'health/monitor.ts (healthFailingFor, maxErrorRate/errorRateFor)', proof: t('test/health/monitor.test.ts', 'rolls back when the error rate stays above maxErrorRate for errorRateFor') },
      { promise: 'Trigger conditions written in the skill drive the monitor', where: 'skill <trigger_conditions> → monitor (#14.1)', proof: t('test/deploy/monitor-rules.test.ts', 'the skill sets what the config leaves out; the config wins where it speaks; the rest is default') },
      { promise: 'Trigger: database migration failures', where: 'migration failure signal (#14.1)', proof: t('test/deploy/monitor-rules.test.ts', 'a migration failure signalled during the canary analysis rolls the deploy back (exit 3)') },
      { promise: 'Rollback steps, sequential, executed', where: 'deploy/rollback-procedure.ts', proof: t('test/plugin/skills-decidable.test.ts', 'keeps the five sequential rollback steps of the seed') },
      { promise: 'Enhanced monitoring for the first hour after a rollback', where: 'post-rollback watch window (#14.5)', proof: t('test/health/monitor-logs-and-watch.test.ts', 'the restored release is watched for rollback.watch and the record says what the watch saw') },
      { promise: 'Never deploy Friday afternoon or before holidays', where: 'verify kind deploy-window, window policy', proof: t('test/gates/run-gate.test.ts', 'holidays and the day before a holiday block') },
      { promise: 'Document ALL deployments; incident report if rollback occurred', where: 'records/render-record.ts', proof: t('test/deploy/deploy-canary.test.ts', 'incident in the record') },
      { promise: 'Rollback procedure MUST be tested before deployment', where: 'production-gate rollback_tested (state)', proof: t('test/gates/run-gate.test.ts', 'status: pending blocks and approved passes') },
      { promise: 'allowed-tools: raw docker/kubectl to production is not the way', where: 'PreToolUse guard (gates/guard)', proof: t('test/gates/guard-hook.test.ts', 'denies a raw production deploy with the documented decision JSON naming /shipgate:deploy-production') },
      { promise: 'Description in What-When-Not format; self-contained components', where: 'validate rule description-what-when-not', proof: t('test/plugin/validate-strict.test.ts', 'reports nothing, not even warnings') },
      { promise: 'Team on standby; 80-95% autonomy', where: 'people and session style', proof: prose('about people and conversation rounds, not something code can check') },
    ],
  },
  '002': {
    title: 'seed 002: production-deployment phase (/deploy [strategy])',
    promises: [
      { promise: 'Generate a deployment runbook for a strategy', where: 'records/runbook.ts', proof: t('test/deploy/deploy-blue-green.test.ts', 'writes a runbook for each of the four strategies') },
      { promise: 'Canary: route traffic step by step, fast rollback', where: 'deploy/strategies/canary.ts', proof: t('test/deploy/deploy-canary.test.ts', 'rolls a bad release (500s) back on its own') },
      { promise: 'Blue-green: instant switch, zero downtime', where: 'deploy/strategies/blue-green.ts', proof: t('test/deploy/deploy-blue-green.test.ts', 'switches a good release under 200 requests/s with zero failed requests') },
      { promise: 'Rolling: replace back on failure', where: 'deploy/strategies/rolling.ts', proof: t('test/deploy/deploy-git-push.test.ts', 'deploys the tag commit to the production branch, then undoes a bad release') },
      { promise: 'Recreate: dev/staging only', where: 'deploy/run-deploy.ts refuses it for production unless strategy.allowProduction', proof: t('test/deploy/deploy-pre-traffic-smoke.test.ts', 'refuses recreate for production') },
      { promise: 'Pre-deployment checklist (gates, runbook, rollback tested, migrations, team, dashboards)', where: 'production-gate checks', proof: t('test/plugin/default-gate-runs.test.ts', 'passes every check in a project laid out as documented') },
      { promise: 'Run pre-deployment smoke tests (before traffic)', where: 'candidate smoke step in blue-green and canary', proof: t('test/deploy/deploy-pre-traffic-smoke.test.ts', 'plans the candidate smoke tests after its health checks and before the traffic switch') },
      { promise: 'Create deployment tag/release before deploying', where: 'deploy refuses an untagged commit; --dry-run says a release is needed', proof: t('test/deploy/deploy-dry-run-untagged.test.ts', 'shows the plan for the release bump would cut') },
      { promise: 'Run post-deployment smoke tests from smoke-tests.json', where: 'health/smoke-tests.ts', proof: t('test/health/smoke-tests.test.ts', 'runs requests in order with methods, headers and JSON bodies') },
      { promise: 'Monitor metrics for anomalies (15-30 min)', where: 'health/monitor.ts', proof: t('test/health/monitor.test.ts', 'completes a healthy window') },
      { promise: 'Feature flags decouple deploy from release', where: 'skills/deployment-strategies/references/feature-flags.md', proof: prose('flags live in the application; shipgate documents the practice') },
    ],
  },
  '003': {
    title: 'seed 003: production-deployment-phase (/ship-prod)',
    promises: [
      { promise: 'Verify staging validation (state.yaml approved) or BLOCK', where: 'production-promotion, a default gate of production', proof: t('test/gates/ship-prod-promotion-default.test.ts', 'the gate blocks on staging_validation.status: pending') },
      { promise: 'Staging approval verified before the version is bumped', where: 'gates/promotion-prerequisites.ts in release/run-bump.ts', proof: t('test/gates/ship-prod-promotion-default.test.ts', 'version_bump refuses before writing a commit or a tag') },
      { promise: 'Rollback gate passed; git remote; configuration exists', where: 'production-promotion checks', proof: t('test/plugin/promotion-gate-runs.test.ts', 'passes with staging approved, the rollback gate passed') },
      { promise: 'Bump semantic version from the changes', where: 'release/bump-rules.ts', proof: t('test/release/bump-rules.test.ts', 'major overrides a patch-level history') },
      { promise: 'Wrong version bump is refused', where: 'release/plan-release.ts bump-too-small', proof: t('test/release/bump-rules.test.ts', 'a level smaller than implied is refused') },
      { promise: 'Annotated v-tag with CHANGELOG excerpt, pushed', where: 'release/apply-release.ts', proof: t('test/release/push.test.ts', 'pushes the release commit and the annotated tag') },
      { promise: 'Deploy: push to production branch', where: 'deploy/providers/git-push.ts', proof: t('test/deploy/deploy-git-push.test.ts', 'deploys the tag commit to the production branch') },
      { promise: 'Health checks: endpoints return 200', where: 'health/run-health-checks.ts', proof: t('test/health/run-health-checks.test.ts', 'passes a 200 with the expected body') },
      { promise: 'Ship report specs/NNN-slug/production-ship-report.md', where: 'records/ship-report.ts', proof: t('test/records/change-documentation.test.ts', 'first deploy: no previous release') },
      { promise: 'Ship report: deployment id, production URL, release URL, monitoring plan, rollback command', where: 'records/deploy-context.ts', proof: t('test/records/change-documentation.test.ts', 'the monitoring plan and the exact rollback command') },
      { promise: 'Error rate < 1% increase, response times < 10% degradation', where: 'health/monitor.ts against the baseline', proof: t('test/health/monitor.test.ts', 'rolls back on a latency regression against the baseline') },
      { promise: 'Six pitfalls (anti_patterns) are the learnings catalog', where: 'learnings/catalog.md, skills', proof: t('test/plugin/tools-and-catalog.test.ts', 'catalog.md lists the eight pitfalls') },
      { promise: 'Database, cache, CDN, background jobs healthy', where: 'configured health checks per project', proof: prose('which services exist is project knowledge; each is a configured health check') },
      { promise: 'Release URL accessible (GitHub release created)', where: 'ship report derives the release URL from origin', proof: prose('creating a hosted release needs the host API and credentials; shipgate records the URL, the host creates the page') },
      { promise: 'No user-reported issues in the first 30 minutes', where: 'people', proof: prose('user reports reach people, not shipgate') },
    ],
  },
  '004': {
    title: 'seed 004: deployment lessons learned',
    promises: [
      { promise: 'Load lessons when the phase starts', where: 'SessionStart hook, learnings_get', proof: t('test/learnings/surfaces.test.ts', 'prints the top three pitfalls in a few lines') },
      { promise: 'Frequencies auto-updated after each run (by code)', where: 'learnings/record-run.ts', proof: t('test/learnings/record-run.test.ts', 'records gate, bump and a deploy with a forced rollback') },
      { promise: '(0/5 - not yet seen) / Last seen: Never', where: 'learnings/pitfall-stats.ts', proof: t('test/learnings/arithmetic.test.ts', 'reads 0/5 - not yet seen when never seen') },
      { promise: 'Preserved across npm updates (plugin reinstall)', where: 'learnings/store-dir.ts (in the project)', proof: t('test/learnings/catalog-reinstall.test.ts', 'a plugin reinstall (a fresh copy of the plugin folder) keeps every count') },
      { promise: 'Metrics tracking table (success, rollback frequency, duration)', where: 'learnings/metrics.ts', proof: t('test/learnings/arithmetic.test.ts', 'computes success, rollback frequency, median duration and trends') },
      { promise: 'One detector per catalog pitfall', where: 'learnings/detect/', proof: t('test/learnings/detect.test.ts', 'has exactly one rule per catalog pitfall of seeds 003 and 004') },
      { promise: 'A short monitor window is detected as insufficient monitoring', where: 'learnings/detect (#14.7)', proof: t('test/learnings/deploy-signals.test.ts', 'records the configured monitor window and fires the detectors its text describes') },
      { promise: 'Unknown pitfall ids are refused with "did you mean"', where: 'learnings record (#14.8)', proof: t('test/learnings/surfaces.test.ts', 'refuses a pitfall id nobody knows with "did you mean"') },
      { promise: 'Shared by a team through git without conflicts', where: 'events.jsonl with merge=union', proof: t('test/learnings/merge-union.test.ts', 'two branches recording runs merge without conflict') },
    ],
  },
};

/** README's "Seed promises" table, generated from SEEDS. */
export function renderSeedTable(): string {
  const rows = ['| seed | promise | where it is enforced | proof |', '|---|---|---|---|'];
  for (const [id, seed] of Object.entries(SEEDS)) {
    for (const p of seed.promises) {
      const proof = p.proof.kind === 'test' ? `\`${p.proof.file}\`` : `prose: ${p.proof.reason}`;
      rows.push(`| ${id} | ${p.promise.replace(/\|/g, '\\|')} | ${p.where.replace(/\|/g, '\\|')} | ${proof.replace(/\|/g, '\\|')} |`);
    }
  }
  return rows.join('\n');
}
