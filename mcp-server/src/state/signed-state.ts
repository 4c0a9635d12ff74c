/**
 * Signed gate state: HMAC-SHA256 (node:crypto) with the per-user key over `<kind>\n<canonical JSON>`
 * of a value without its `sig` field. The kind is part of what is signed, so a signature made for an
 * attestation cannot be moved onto a receipt. Every read verifies; a bad or missing signature is
 * refused with the file named and written to the run log.
 *
 * Good: signState('receipt', body) → { ...body, sig }; verifyState('receipt', stored) → true.
 * Bad:  editing `commit` or `environment` of a stored receipt and recomputing any plain hash: the
 *       signature no longer matches, and without the key none can be made.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockedError } from '../errors.js';
import { canonicalJson } from './canonical-json.js';
import { loadSigningKey } from './signing-key.js';
import { appendRunLog } from './run-log.js';

export type StateKind = 'receipt' | 'attestation' | 'environment-state';

export type Signed<T> = T & { sig: string };

const SIG_PATTERN = /^hmac-sha256:[0-9a-f]{64}$/;

function mac(key: Buffer, kind: StateKind, value: Record<string, unknown>): string {
  const { sig: _ignored, ...body } = value;
  return createHmac('sha256', key).update(`${kind}\n${canonicalJson(body)}`).digest('hex');
}

export async function signState<T extends object>(kind: StateKind, value: T, env?: NodeJS.ProcessEnv): Promise<Signed<T>> {
  const key = await loadSigningKey(env);
  return { ...value, sig: `hmac-sha256:${mac(key, kind, value as Record<string, unknown>)}` };
}

/** True when `value.sig` is this key's signature over the value. */
export async function hasValidSignature(kind: StateKind, value: unknown, env?: NodeJS.ProcessEnv): Promise<boolean> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const sig = (value as { sig?: unknown }).sig;
  if (typeof sig !== 'string' || !SIG_PATTERN.test(sig)) return false;
  const key = await loadSigningKey(env);
  const expected = Buffer.from(mac(key, kind, value as Record<string, unknown>), 'hex');
  return timingSafeEqual(expected, Buffer.from(sig.slice('hmac-sha256:'.length), 'hex'));
}

export interface RefusalContext {
  projectRoot: string;
  file: string;
  env?: NodeJS.ProcessEnv;
  /** What to do about it, for the error's hint. */
  hint: string;
}

/** Verify or throw BlockedError naming the file; the refusal is logged in the run log. */
export async function requireValidSignature(kind: StateKind, value: unknown, context: RefusalContext): Promise<void> {
  if (await hasValidSignature(kind, value, context.env)) return;
  const sig = value && typeof value === 'object' ? (value as { sig?: unknown }).sig : undefined;
  const reason = sig === undefined ? 'no signature' : 'a signature that does not match its content';
  await appendRunLog(context.projectRoot, { event: 'state-refused', file: context.file, reason: `${kind} with ${reason}` }, context.env);
  throw new BlockedError(`The ${kind.replace('-', ' ')} in ${context.file} has ${reason}: it was not written by shipgate, or was edited since.`, {
    where: context.file,
    expected: 'state signed with this user\'s shipgate key',
    hint: context.hint,
  });
}
