/**
 * A stand-in for a human at a terminal in in-process CLI tests: a readable stream marked as a TTY that
 * yields what the person types. The real-terminal path (a pty from `script`) and the no-terminal
 * refusal are tested with real processes in test/security/self-attestation.test.ts.
 */
import { Readable } from 'node:stream';

export function typedAtTerminal(text: string): NodeJS.ReadableStream & { isTTY: boolean } {
  const stream = Readable.from([`${text}\n`]) as Readable & { isTTY: boolean };
  stream.isTTY = true;
  return stream;
}
