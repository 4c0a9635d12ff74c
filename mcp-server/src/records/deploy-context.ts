/**
 * The facts a record and a ship report need beyond the steps (seed 000's change documentation, seed
 * 003's ship report): where production answers, where the release lives, the monitoring plan, the exact
 * rollback command, and the configuration changes since the environment's last deploy. Gathered once,
 * before the deploy starts, from git and the configuration; nothing here changes anything.
 *
 * Good: `configChanges: ["- duration: 30m", "+ duration: 15m"]` from the diff between the two releases.
 * Bad:  a ship report that says "Release URL: TBD" or a rollback "procedure" nobody can paste.
 */
import { relative } from 'node:path';
import { git } from '../project/git.js';
import { formatDuration } from '../util/duration.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { ReleaseRef } from '../project/release-ref.js';

export interface DeployFacts {
  productionUrl?: string;
  releaseUrl?: string;
  monitoringPlan: string;
  rollbackCommand: string;
  /**
   * Changed lines of the configuration file between the release that served and this one; `[]` = none;
   * undefined = no previous deploy to compare with (the whole configuration is new).
   */
  configChanges?: string[];
  /** What the configured notify command sent once the outcome was known (deploy/notify-stakeholders.ts); `[]` = none. */
  communications: StakeholderCommunication[];
}

/**
 * One run of the notify command: the argument vector as run (placeholders filled in), its exit code and
 * its output (redacted, truncated). `ok: false` is a deviation the record shows; the outcome stands.
 */
export interface StakeholderCommunication {
  at: string;
  /** The outcome it announced: succeeded, rolled_back or failed. */
  status: string;
  command: string[];
  ok: boolean;
  exitCode: number;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** One line: sent, or why not (exit code, timeout, spawn error). */
  detail: string;
}

export async function gatherDeployFacts(input: { projectRoot: string; environmentName: string; environment: EnvironmentConfig; next: ReleaseRef; previous?: ReleaseRef; configPath: string | null }): Promise<DeployFacts> {
  const { environment, previous } = input;
  const monitor = environment.monitor;
  const monitoringPlan = `watch ${formatDuration(monitor.duration)} every ${formatDuration(monitor.interval)}; roll back after ${monitor.failureLimit} failing checks in a row, error rate above ${monitor.maxErrorRate * 100}% for ${formatDuration(monitor.errorRateFor)}, health failing for ${formatDuration(monitor.healthFailingFor)}, or against the pre-deploy baseline error rate +${monitor.maxErrorRateIncrease * 100}% / latency +${monitor.maxLatencyIncrease * 100}%${monitor.prometheus ? `; Prometheus: ${monitor.prometheus.queries.map((q) => q.name).join(', ') || 'no queries'}` : ''}`;
  const rollbackCommand = previous
    ? `shipgate rollback --env ${input.environmentName} --to ${previous.version} --reason "<why>"`
    : 'none: this is the first deploy, there is no previous release to return to';
  return {
    ...(environment.url ? { productionUrl: environment.url } : {}),
    ...(await releaseUrl(input.projectRoot, input.next.tag)),
    monitoringPlan,
    rollbackCommand,
    ...(previous && input.configPath ? { configChanges: await configChanges(input.projectRoot, previous.sha, input.next.sha, relative(input.projectRoot, input.configPath)) } : {}),
    communications: [],
  };
}

/** `https://<host>/<owner>/<repo>/releases/tag/<tag>` for a GitHub/GitLab-style origin, else nothing. */
async function releaseUrl(projectRoot: string, tag: string): Promise<{ releaseUrl?: string }> {
  const result = await git(projectRoot, ['remote', 'get-url', 'origin']);
  const url = result.exitCode === 0 ? result.stdout.trim() : '';
  const match = /^(?:https:\/\/|git@|ssh:\/\/git@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/.exec(url);
  if (!match || !match[1]!.includes('.')) return {};
  return { releaseUrl: `https://${match[1]}/${match[2]}/releases/tag/${encodeURIComponent(tag)}` };
}

async function configChanges(projectRoot: string, from: string, to: string, file: string): Promise<string[]> {
  const result = await git(projectRoot, ['diff', '--unified=0', '--no-color', from, to, '--', file]);
  if (result.exitCode !== 0) return [];
  return result.stdout.split('\n').filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line)).slice(0, 200);
}
