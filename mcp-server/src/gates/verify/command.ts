/**
 * `command`: runs repository content (the element's text) like an npm script; passes on the expected
 * exit code (default 0), and optionally when the output contains a text.
 *
 * Good: `<verify kind="command" timeout="10m">npm test</verify>`
 * Bad:  `<verify kind="command"/>` (no command to run: reported as an error, never a pass).
 */
import { runScript } from '../../exec/run.js';
import { parseDuration } from '../../util/duration.js';
import { outputTail } from '../redact-secrets.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000;

export const commandKind: VerifyKind = {
  kind: 'command',
  async verify(spec, context) {
    const script = spec.text.trim();
    if (!script) return { status: 'error', message: 'The verify element has no command text to run.' };
    const timeoutText = attribute(spec, 'timeout');
    const timeoutMs = (timeoutText && parseDuration(timeoutText)) || DEFAULT_COMMAND_TIMEOUT_MS;
    const expectedCode = Number(attribute(spec, 'exit_code') ?? '0');
    const result = await runScript(script, { cwd: context.projectRoot, timeoutMs, signal: context.signal, ...(context.confine ? { confine: context.confine } : {}) });
    const tail = outputTail(result.stdout, result.stderr, context.secretValues);
    const contains = attribute(spec, 'output_contains');
    if (result.timedOut) return { status: 'failed', message: `\`${script}\` did not finish within ${timeoutMs / 1000}s.`, outputTail: tail };
    if (result.spawnError) return { status: 'error', message: `\`${script}\` could not start: ${result.spawnError}`, outputTail: tail };
    if (result.exitCode !== expectedCode) return { status: 'failed', message: `\`${script}\` exited with ${result.exitCode}, expected ${expectedCode}.`, outputTail: tail };
    if (contains && !`${result.stdout}\n${result.stderr}`.includes(contains)) {
      return { status: 'failed', message: `\`${script}\` output does not contain ${JSON.stringify(contains)}.`, outputTail: tail };
    }
    return { status: 'passed', message: `\`${script}\` exited with ${result.exitCode}.`, outputTail: tail };
  },
};
