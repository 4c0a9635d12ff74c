/**
 * The fingerprint that ties a summary to a prefix of events.jsonl: sha256 of the last bytes before
 * the covered end (a few whole event lines, each with its random run id). Imports only node
 * built-ins: the SessionStart hook checks its cached text with it before loading anything else.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const FINGERPRINT_BYTES = 4096;

/** sha256 of the bytes just before `offset` ('' at 0). */
export async function fingerprintAt(handle: FileHandle, offset: number): Promise<string> {
  if (offset <= 0) return '';
  const length = Math.min(FINGERPRINT_BYTES, offset);
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset - length);
  if (bytesRead < length) return '-';
  return createHash('sha256').update(buffer).digest('hex').slice(0, 32);
}
