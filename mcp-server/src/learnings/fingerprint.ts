/**
 * The fingerprint that ties a summary to a prefix of events.jsonl: a hash of the last bytes before
 * the covered end (a few whole event lines, each with its random run id). It only has to notice that
 * those bytes changed (a merge, a rewrite), next to an exact byte-count match; it is not a security
 * check (anyone who can write the store can write its caches). So it is a 64-bit non-cryptographic
 * hash in plain JavaScript: the SessionStart hook checks its cached text with it before loading
 * anything else, and loading `node:crypto` alone would cost that hook more than 10 ms.
 *
 * Fingerprints written before 0.4 were sha256 (32 hex digits, no prefix): they are still checked,
 * with node:crypto loaded only then, so committed checkpoints stay valid across the upgrade.
 */
import type { FileHandle } from 'node:fs/promises';

const FINGERPRINT_BYTES = 4096;
const PREFIX = 'f2:';

/** Two independent 32-bit lanes (FNV-1a and a multiplicative mix), 16 hex digits. */
function hash64(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return (a >>> 0).toString(16).padStart(8, '0') + ((b ^ (b >>> 16)) >>> 0).toString(16).padStart(8, '0');
}

/** The bytes just before `offset`, or undefined when the file is shorter than it claims. */
async function tailBytes(handle: FileHandle, offset: number): Promise<Buffer | undefined> {
  const length = Math.min(FINGERPRINT_BYTES, offset);
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset - length);
  return bytesRead < length ? undefined : buffer;
}

/** The fingerprint of the bytes just before `offset` ('' at 0, '-' when the file is shorter). */
export async function fingerprintAt(handle: FileHandle, offset: number): Promise<string> {
  if (offset <= 0) return '';
  const bytes = await tailBytes(handle, offset);
  return bytes ? PREFIX + hash64(bytes) : '-';
}

/** True when `expected` (written by this version or, as sha256, by an earlier one) still fits the file at `offset`. */
export async function fingerprintMatches(handle: FileHandle, offset: number, expected: string): Promise<boolean> {
  if (offset <= 0 || expected.startsWith(PREFIX) || expected === '' || expected === '-') return (await fingerprintAt(handle, offset)) === expected;
  if (!/^[0-9a-f]{32}$/.test(expected)) return false;
  const bytes = await tailBytes(handle, offset);
  if (!bytes) return false;
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32) === expected;
}
