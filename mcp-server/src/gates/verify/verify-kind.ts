/**
 * The shape of one `<verify kind="...">` implementation. Each kind lives in its own file in this folder
 * and is listed once in index.ts; a test asserts the registry matches skill/verify-kinds.ts.
 * A kind only decides; it never throws for a failing condition (it returns `failed` with a message that
 * says what was expected and what was found).
 */
import type { Confinement } from '../../exec/confine.js';
import type { VerifySpec } from '../../skill/model.js';
import type { ShipgateConfig } from '../../config/schema.js';
import type { GateSettings } from '../gate-settings.js';
import type { AttestationContext } from '../resolve-attestation.js';

export interface VerifyContext extends AttestationContext {
  checkId: string;
  config: ShipgateConfig;
  settings: GateSettings;
  signal?: AbortSignal;
  /** Values to redact from any output. */
  secretValues: readonly string[];
  /** Hide shipgate's state and key from the project's commands (protection/command-confinement.ts). */
  confine?: Confinement;
}

export interface VerifyOutcome {
  status: 'passed' | 'failed' | 'needs_attestation' | 'error';
  message: string;
  outputTail?: string;
  /** For needs_attestation: what the human is asked to confirm. */
  prompt?: string;
  attestation?: { by: string; at: string; evidence: string };
}

export interface VerifyKind {
  kind: string;
  verify(spec: VerifySpec, context: VerifyContext): Promise<VerifyOutcome>;
}

/** An attribute value, or undefined when absent or blank. */
export function attribute(spec: VerifySpec, name: string): string | undefined {
  const value = spec.attributes[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
