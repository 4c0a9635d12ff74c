/**
 * What the gate engine needs from the configuration for one environment: the gate skills, the url,
 * the window policy (the environment's, else the global one, else the default) and the receipt TTL.
 * A repository with no environments configured can still be gated with the bundled gate skill.
 */
import { getEnvironment, type LoadedConfig } from '../config/load-config.js';
import { windowSchema } from '../config/window-schema.js';
import type { z } from 'zod';

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
    getEnvironmentNameCheck(environment);
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

function getEnvironmentNameCheck(environment: string): void {
  // Same rule as the config schema's environment keys; reuses getEnvironment's message for anything else.
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(environment)) getEnvironment({ config: { environments: {} } as LoadedConfig['config'], path: null, hash: '' }, environment);
}
