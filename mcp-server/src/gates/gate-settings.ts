/**
 * What the gate engine needs from the configuration for one environment: the gate skills, the url,
 * the window policy (the environment's, else the global one, else the default) and the receipt TTL.
 * A repository with no environments configured can still be gated with the bundled gate skill.
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
export const DEFAULT_RECEIPT_TTL_MS = 30 * 60_000;

export function gateSettings(loaded: LoadedConfig, environment: string): GateSettings {
  const configured = Object.keys(loaded.config.environments).length > 0;
  if (!configured) {
    if (!ENVIRONMENT_NAME_PATTERN.test(environment)) {
      throw new InputError('The environment name is not valid.', { where: 'environment', expected: ENVIRONMENT_NAME_EXPECTED, found: quote(environment, 60) });
    }
    return { environment, gates: [DEFAULT_GATE_SKILL], window: loaded.config.window ?? windowSchema.parse({}), receiptTtlMs: DEFAULT_RECEIPT_TTL_MS };
  }
  const env = getEnvironment(loaded, environment);
  return {
    environment,
    gates: env.gates.length ? env.gates : [DEFAULT_GATE_SKILL],
    url: env.url,
    window: env.window ?? loaded.config.window ?? windowSchema.parse({}),
    receiptTtlMs: env.receiptTtl,
  };
}
