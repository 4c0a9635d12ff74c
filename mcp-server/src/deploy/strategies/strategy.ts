/**
 * A strategy turns an environment's configuration and the two releases into plan steps. Strategies are
 * pure: no I/O. Shared step builders live here so the four strategies read like their recipe.
 */
import type { EnvironmentConfig } from '../../config/schema.js';
import type { Provider } from '../providers/provider.js';
import type { PlanStep, StrategyInput } from '../plan-step.js';
import type { ProviderAction } from '../providers/provider.js';

export interface StrategyContext {
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  input: StrategyInput;
}

export interface Strategy {
  type: EnvironmentConfig['strategy']['type'];
  plan(context: StrategyContext): PlanStep[];
}

export function providerStep(
  context: StrategyContext,
  id: string,
  kind: PlanStep['kind'],
  action: ProviderAction,
  description: string,
  release: 'next' | 'previous' = 'next',
  undo?: PlanStep[],
): PlanStep {
  const ref = release === 'next' ? context.input.next : context.input.previous;
  return {
    id,
    kind,
    description,
    action,
    release,
    commands: ref ? context.provider.commands(action, ref) : [],
    timeoutMs: context.providerTimeoutMs,
    ...(undo ? { undo } : {}),
  };
}

/** Undo of a forward deploy: the provider's undo with the previous release (nothing when there is none). */
export function undoToPrevious(context: StrategyContext, color?: string): PlanStep[] {
  if (!context.input.previous) return [];
  return [providerStep(context, `undo-${color ?? 'stable'}`, 'provider', { action: context.provider.supports('undo') ? 'undo' : 'deploy', color }, `put ${context.input.previous.tag} back`, 'previous')];
}

export function healthStep(context: StrategyContext, id: string, target: 'production' | 'candidate'): PlanStep {
  const health = context.environment.health;
  const perCheck = health.checks.reduce((sum, check) => sum + check.timeout * (check.retries + 1), 0);
  return { id, kind: 'health', target, description: `health checks (${health.checks.length}) on ${target}`, timeoutMs: perCheck || 1_000 };
}

/**
 * Smoke tests from the environment's file. `candidate`: seed 002's pre-deployment smoke tests, run on the
 * new release through its preview URL before any traffic reaches it; `production`: after the switch.
 */
export function smokeStep(context: StrategyContext, id: string, target: 'production' | 'candidate' = 'production'): PlanStep[] {
  const file = context.environment.health.smokeTests;
  if (!file) return [];
  return [{ id, kind: 'smoke', target, description: target === 'candidate' ? `pre-traffic smoke tests from ${file} on the candidate` : `smoke tests from ${file}`, timeoutMs: 60_000 }];
}

export function monitorStep(context: StrategyContext, id: string, durationMs: number, description?: string, target: 'production' | 'candidate' = 'production'): PlanStep {
  const monitor = context.environment.monitor;
  return {
    id,
    kind: 'monitor',
    target,
    durationMs,
    description: description ?? `watch production for ${Math.round(durationMs / 1000)}s every ${Math.round(monitor.interval / 1000)}s (failure limit ${monitor.failureLimit})`,
    timeoutMs: durationMs + monitor.interval + 30_000,
  };
}
