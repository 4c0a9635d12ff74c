/**
 * Renders a DeploymentRecord as seed 000's Markdown: summary, gate checklist, steps with timestamps,
 * measurements against thresholds, the rollback (an incident report when one fired), and a Mermaid
 * gantt chart so GitHub shows the timeline as a picture. Pure: record in, text out.
 */
import { printable } from '../errors.js';
import type { DeploymentRecord, RecordStep } from './record-schema.js';
import type { StakeholderCommunication } from './deploy-context.js';

/** Same words as deploy/plan-deploy.ts's NO_PREVIOUS_VERSION (records/ does not import deploy/). */
const NO_PREVIOUS_VERSION_TEXT = 'no previous version to return to; production needs attention';

const STATUS_WORD: Record<DeploymentRecord['status'], string> = {
  in_progress: 'IN PROGRESS',
  succeeded: 'SUCCEEDED',
  rolled_back: 'ROLLED BACK',
  failed: 'FAILED',
  aborted: 'ABORTED',
  blocked: 'BLOCKED',
};

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function stepRows(steps: RecordStep[]): string[] {
  return steps.map((s) => `| ${cell(s.id)} | ${s.kind} | ${s.status} | ${s.startedAt ?? ''} | ${s.finishedAt ?? ''} | ${Math.round(s.timeoutMs / 1000)}s | ${cell(s.commands?.map((c) => `\`${c.join(' ')}\``).join('<br>'))} | ${cell(s.detail)} |`);
}

function mermaidLabel(text: string): string {
  return text.replace(/[:#;]/g, ' ').slice(0, 60);
}

/**
 * Seed 000's change documentation, from data: deviations from the plan (every step that did not pass),
 * the configuration changes since the environment's last deploy, and the stakeholder communications.
 */
function changeDocumentation(record: DeploymentRecord): string[] {
  const lines = ['## Deviations from the plan', ''];
  const deviations = record.steps.filter((s) => s.status !== 'passed' && s.status !== 'running');
  if (deviations.length === 0 && !record.rollback && !record.facts?.communications.some((c) => !c.ok)) lines.push(record.steps.length ? 'None: every planned step passed.' : 'None recorded (no step ran).');
  for (const s of deviations) lines.push(`- ${s.id} ${s.status}${s.detail ? `: ${cell(s.detail)}` : ''}`);
  if (record.rollback) lines.push(`- rolled back: ${cell(record.rollback.trigger)}`);
  // A notify that failed does not change the outcome, but the stakeholders may not know: a deviation.
  for (const c of record.facts?.communications ?? []) if (!c.ok) lines.push(`- notify (${c.status}) failed: ${cell(c.detail)}`);
  const facts = record.facts;
  lines.push('', '## Configuration changes since the last deploy', '');
  if (!facts) lines.push('Not recorded.');
  else if (facts.configChanges === undefined) lines.push(record.previous ? 'No configuration file to compare.' : 'First deploy of this environment: the whole configuration is new.');
  else if (facts.configChanges.length === 0) lines.push(`None since ${record.previous?.tag ?? 'the last deploy'}.`);
  else lines.push(`Since ${record.previous?.tag ?? 'the last deploy'}:`, '', '```diff', ...facts.configChanges.map((l) => l.replace(/```/g, "'''")), '```');
  lines.push('', '## Stakeholder communications', '');
  if (!facts?.communications.length) lines.push('None sent by shipgate (no notify command is configured for this outcome).');
  for (const c of facts?.communications ?? []) lines.push(...communicationLines(c));
  return lines;
}

/** One notify run: what ran, how it ended, and what it printed (already redacted and truncated). */
function communicationLines(c: StakeholderCommunication): string[] {
  const lines = [`- ${c.at} ${c.status}: \`${cell(c.command.join(' ')).replace(/`/g, "'")}\` ${c.ok ? 'sent' : 'FAILED'} (${cell(c.detail)}, ${c.durationMs} ms)`];
  const output = [c.stdout, c.stderr].filter((text) => text.trim() !== '').join('\n');
  if (output) lines.push('', '  ```text', ...output.replace(/```/g, "'''").split('\n').map((line) => `  ${line}`), '  ```');
  return lines;
}

export function renderRecordMarkdown(record: DeploymentRecord): string {
  const lines: string[] = [];
  lines.push(`# ${record.kind === 'deploy' ? 'Deployment' : 'Rollback'} ${record.tag} to ${record.environment}: ${STATUS_WORD[record.status]}`, '');
  lines.push(`| field | value |`, `|---|---|`);
  lines.push(`| status | ${STATUS_WORD[record.status]} |`);
  lines.push(`| environment | ${record.environment} |`, `| version | ${record.version} |`, `| tag | ${record.tag} |`, `| commit | ${record.commit} |`);
  lines.push(`| previous | ${record.previous ? `${record.previous.tag} (${record.previous.sha.slice(0, 12)})` : 'none'} |`);
  lines.push(`| strategy | ${record.strategy} |`, `| provider | ${record.provider} |`, `| started | ${record.startedAt} |`, `| finished | ${record.finishedAt ?? '—'} |`);
  lines.push(`| run by | pid ${record.pid} on ${record.host} |`);
  if (record.reason) lines.push(`| reason | ${cell(record.reason)} |`);
  if (record.recovery) lines.push(`| recovery | ${record.recovery.status}: ${cell(record.recovery.detail)}${record.recovery.rollbackRecord ? ` (${cell(record.recovery.rollbackRecord.split('/').pop())})` : ''} at ${record.recovery.at} |`);
  if (record.protectionLevel) lines.push(`| protection level | ${record.protectionLevel} |`);
  lines.push('');
  lines.push('## Gate checklist', '');
  if (record.receipt && record.receipt.checks.length) {
    lines.push(`Receipt ${record.receipt.id ?? ''} issued ${record.receipt.issuedAt ?? ''}`, '', '| check | result | detail | attested by | evidence |', '|---|---|---|---|---|');
    for (const c of record.receipt.checks) lines.push(`| ${cell(c.id)} | ${c.status} | ${cell(c.detail)} | ${cell(c.attestedBy)} | ${cell(c.evidence)} |`);
  } else {
    lines.push(record.receipt ? 'The receipt lists no checks.' : 'No gate receipt (a rollback restores a release that was gated when it shipped).');
  }
  lines.push('', '## Steps', '', '| step | kind | status | started | finished | timeout | commands | detail |', '|---|---|---|---|---|---|---|---|', ...stepRows(record.steps));
  if (record.measurements.length) {
    lines.push('', '## Health and monitor measurements', '', '| at | step | measure | value | threshold | ok |', '|---|---|---|---|---|---|');
    for (const m of record.measurements.slice(-200)) lines.push(`| ${m.at} | ${cell(m.step)} | ${cell(m.name)} | ${m.value} | ${cell(m.threshold)} | ${m.ok ? 'yes' : 'NO'} |`);
  }
  if (record.rollback) {
    const r = record.rollback;
    lines.push('', '## Incident report: automatic rollback', '');
    lines.push(`- **Trigger:** ${r.trigger}`);
    if (r.monitorTrigger) lines.push(`- **Monitor rule:** ${r.monitorTrigger.kind} (${r.monitorTrigger.metric} = ${r.monitorTrigger.value}, threshold ${r.monitorTrigger.threshold}, held ${r.monitorTrigger.forMs} ms)`);
    if (record.baseline) lines.push(`- **Baseline before the deploy:** error rate ${record.baseline.errorRate}, p95 ${record.baseline.p95LatencyMs} ms over ${record.baseline.samples} requests to ${record.baseline.url}`);
    lines.push(`- **Rolled back to:** ${record.previous ? record.previous.tag : `nothing: ${NO_PREVIOUS_VERSION_TEXT}`}`, `- **Started:** ${r.startedAt}`, `- **Finished:** ${r.finishedAt ?? '—'}`);
    lines.push(`- **Verified by health checks afterwards:** ${r.verified === undefined ? 'not checked' : r.verified ? 'yes' : 'NO: production needs attention now'}`);
    if (r.watch) lines.push(`- **Watched after the rollback:** ${Math.round(r.watch.observedMs / 1000)} s of ${Math.round(r.watch.plannedMs / 1000)} s, ${r.watch.verdict}: ${r.watch.detail}`);
    if (r.detail) lines.push(`- **Detail:** ${r.detail}`);
    lines.push('- **Next:** find the cause before redeploying; `/retrospect` records what the team learned.');
    if (r.steps.length) lines.push('', '| step | kind | status | started | finished | timeout | commands | detail |', '|---|---|---|---|---|---|---|---|', ...stepRows(r.steps));
  }
  lines.push('', ...changeDocumentation(record));
  if (record.changelogExcerpt) lines.push('', '## Changelog excerpt', '', '```text', record.changelogExcerpt.replace(/```/g, "'''"), '```');
  const timed = [...record.steps, ...(record.rollback?.steps ?? [])].filter((s) => s.startedAt && s.finishedAt);
  if (timed.length) {
    lines.push('', '## Timeline', '', '```mermaid', 'gantt', `  title ${mermaidLabel(`${record.kind} ${record.tag} to ${record.environment}`)}`, '  dateFormat YYYY-MM-DDTHH:mm:ss.SSSZ', '  axisFormat %H:%M:%S');
    for (const s of timed) {
      const tag = s.status === 'failed' ? 'crit, ' : '';
      const start = Date.parse(s.startedAt!);
      const end = Math.max(Date.parse(s.finishedAt!), start + 1);
      lines.push(`  ${mermaidLabel(s.id)} :${tag}${new Date(start).toISOString().replace('Z', '+0000')}, ${end - start}ms`);
    }
    lines.push('```');
  }
  lines.push('', `<!-- shipgate record ${record.id}; machine-readable sibling: ${record.files.json.split('/').pop()} -->`, '');
  // Provider output, triggers and notify output are quoted here: their control characters (ANSI colours
  // from a tool, a NUL) are shown as escapes, so the record reads the same in any viewer.
  return printable(lines.join('\n'));
}
