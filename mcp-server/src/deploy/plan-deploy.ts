/**
 * Plans a deploy as data: the strategy's steps for this environment, provider and pair of releases.
 * Pure; `--dry-run` prints the result with formatPlan (every command, in order, with its timeout).
 */
import type { EnvironmentConfig } from '../config/schema.js';
import type { Provider, ReleaseRef } from './providers/provider.js';
import type { PlanStep } from './plan-step.js';
import { strategies } from './strategies/index.js';
import { formatDuration } from '../util/duration.js';

export interface DeployPlan {
  environment: string;
  strategy: EnvironmentConfig['strategy']['type'];
  provider: string;
  next: ReleaseRef;
  previous?: ReleaseRef;
  liveColor: 'blue' | 'green';
  steps: PlanStep[];
  /** Whether the gate receipt was found (`--dry-run` plans without one but says so). */
  receipt: 'valid' | 'missing';
  receiptProblem?: string;
  /** What the person deploying must know before it starts (first deploy, where the monitor's rules come from, ...). */
  notices: string[];
  /**
   * Set when HEAD carries no release tag (only `--dry-run` plans then): `next` is the release `bump`
   * would cut, and a real deploy is refused until it exists.
   */
  releaseNeeded?: { message: string; hint: string };
}

/** The words a first deploy's plan, record and message share (seed 001's rollback has nowhere to go). */
export const NO_PREVIOUS_VERSION = 'no previous version to return to; production needs attention';

export function planDeploy(input: {
  environmentName: string;
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  next: ReleaseRef;
  previous?: ReleaseRef;
  liveColor: 'blue' | 'green';
  receipt: DeployPlan['receipt'];
  receiptProblem?: string;
  /** Notices computed by the caller (e.g. the monitor rules' sources), shown after the plan's own. */
  notices?: string[];
  releaseNeeded?: DeployPlan['releaseNeeded'];
}): DeployPlan {
  const strategy = strategies[input.environment.strategy.type];
  const steps = strategy.plan({
    environment: input.environment,
    provider: input.provider,
    providerTimeoutMs: input.providerTimeoutMs,
    input: { next: input.next, previous: input.previous, liveColor: input.liveColor },
  });
  return {
    environment: input.environmentName,
    strategy: strategy.type,
    provider: input.provider.type,
    next: input.next,
    ...(input.previous ? { previous: input.previous } : {}),
    liveColor: input.liveColor,
    steps,
    receipt: input.receipt,
    ...(input.receiptProblem ? { receiptProblem: input.receiptProblem } : {}),
    notices: [
      ...(input.previous
        ? []
        : [`First deploy to ${input.environmentName}: if it fails there is ${NO_PREVIOUS_VERSION} (fix forward or stop the service). Automatic rollback can only take the new release's traffic away.`]),
      ...(input.notices ?? []),
    ],
    ...(input.releaseNeeded ? { releaseNeeded: input.releaseNeeded } : {}),
  };
}

export function formatPlan(plan: DeployPlan): string {
  const lines = [
    `Deploy plan: ${plan.next.tag} (${plan.next.sha.slice(0, 12)}) to ${plan.environment}, ${plan.strategy} via ${plan.provider}`,
    ...(plan.releaseNeeded ? [`  RELEASE NEEDED: ${plan.releaseNeeded.message} ${plan.releaseNeeded.hint}`] : []),
    `  previous release: ${plan.previous ? `${plan.previous.tag} (${plan.previous.sha.slice(0, 12)})` : 'none (first deploy: nothing to roll back to)'}`,
    `  gate receipt: ${plan.receipt === 'valid' ? 'valid' : `MISSING${plan.receiptProblem ? `: ${plan.receiptProblem}` : ''} (a real deploy would be refused)`}`,
    ...plan.notices.map((notice) => `  notice: ${notice}`),
    '',
  ];
  plan.steps.forEach((step, index) => {
    lines.push(`  ${String(index + 1).padStart(2)}. [${step.kind}] ${step.description}  (timeout ${formatDuration(step.timeoutMs)})`);
    for (const argv of step.commands ?? []) lines.push(`        $ ${argv.map(showArg).join(' ')}`);
    for (const undo of step.undo ?? []) {
      lines.push(`        on failure: ${undo.description}`);
      for (const argv of undo.commands ?? []) lines.push(`          $ ${argv.map(showArg).join(' ')}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

function showArg(argument: string): string {
  return /^[\w@%+=:,./<>{}-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}
