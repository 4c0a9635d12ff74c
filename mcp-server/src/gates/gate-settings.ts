/**
 * What the gate engine needs from the configuration for one environment: the gate skills, the url,
 * the window policy (the environment's, else the global one, else the default) and the receipt TTL.
 * A repository with no environments configured can still be gated with the bundled gate skills.
 *
 * Default gates (no `gates:` listed): `production` gets seed 001's production-gate AND seed 003's
 * production-promotion, so `/ship-prod` and `/deploy-production` check the staging approval, the rollback
 * gate, the git remote and the configuration out of the box (a pending staging validation blocks);
 * any other environment gets production-gate only (a staging deploy cannot need staging approval).
 */
import { getEnvironment, type LoadedConfig } from '../config/load-config.js';
import { windowSchema } from '../config/window-schema.js';
import type { z } from 'zod';
import { InputError, quote } from '../errors.js';
import { ENVIRONMENT_NAME_EXPECTED, ENVIRONMENT_NAME_PATTERN } from '../config/names.js';

export interface GateSettings {
  environment: string;
  gates: string[];
  url?: string;
  window: z.infer<typeof windowSchema>;
  receiptTtlMs: number;
}

export const DEFAULT_GATE_SKILL = 'production-gate';
export const PROMOTION_GATE_SKILL = 'production-promotion';

/** The gates an environment gets when its configuration lists none. */
export function defaultGates(environment: string): string[] {
  return environment === 'production' ? [DEFAULT_GATE_SKILL, PROMOTION_GATE_SKILL] : [DEFAULT_GATE_SKILL];
}
export const DEFAULT_RECEIPT_TTL_MS = 30 * 60_000;

export function gateSettings(loaded: LoadedConfig, environment: string): GateSettings {
  const configured = Object.keys(loaded.config.environments).length > 0;
  if (!configured) {
    if (!ENVIRONMENT_NAME_PATTERN.test(environment)) {
      throw new InputError('The environment name is not valid.', { where: 'environment', expected: ENVIRONMENT_NAME_EXPECTED, found: quote(environment, 60) });
    }
    return { environment, gates: defaultGates(environment), window: loaded.config.window ?? windowSchema.parse({}), receiptTtlMs: DEFAULT_RECEIPT_TTL_MS };
  }
  const env = getEnvironment(loaded, environment);
  return {
    environment,
    gates: env.gates.length ? env.gates : defaultGates(environment),
    url: env.url,
    window: env.window ?? loaded.config.window ?? windowSchema.parse({}),
    receiptTtlMs: env.receiptTtl,
  };
}
