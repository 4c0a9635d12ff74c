/**
 * `state`: a key path in a YAML/JSON state file equals a value (or is one of a comma list). The file is
 * the `file` attribute, else config `state.file` (default `specs/*\/state.yaml`, Spec-Flow's layout),
 * choosing the most recently modified match as seed 003 does with `ls -t`.
 *
 * Good: `<verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>`
 * Bad:  a malformed state file crashing the gate: it is a failed check naming file:line instead.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument, LineCounter } from 'yaml';
import { globFiles, newest } from '../../util/glob-files.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const stateKind: VerifyKind = {
  kind: 'state',
  async verify(spec, context) {
    const key = attribute(spec, 'key');
    const equals = attribute(spec, 'equals');
    const inList = attribute(spec, 'in')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!key || (equals === undefined && !inList?.length)) return { status: 'error', message: 'The verify element needs `key` and `equals` (or `in`) attributes.' };
    const pattern = attribute(spec, 'file') ?? context.config.state.file;
    const file = newest(await globFiles(context.projectRoot, pattern));
    if (!file) return { status: 'failed', message: `No state file matches ${pattern}; expected ${key} = ${equals ?? inList!.join('|')}.` };
    const text = await readFile(file.path, 'utf8');
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false });
    const problem = document.errors[0];
    if (problem) {
      const at = lineCounter.linePos(problem.pos[0]);
      return { status: 'failed', message: `${file.relativePath}:${at.line}:${at.col}: the state file is not valid YAML/JSON (${problem.message.split('\n')[0]}); fix it, then run the gate again.` };
    }
    let value: unknown = document.toJS();
    for (const part of key.split('.')) {
      value = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
    const expected = equals !== undefined ? [equals] : inList!;
    if (value === undefined) return { status: 'failed', message: `${file.relativePath}: ${key} is missing, expected ${expected.join(' or ')}.` };
    const found = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (!expected.includes(found)) return { status: 'failed', message: `${file.relativePath}: ${key} is ${JSON.stringify(found)}, expected ${expected.map((e) => JSON.stringify(e)).join(' or ')}.` };
    return { status: 'passed', message: `${file.relativePath}: ${key} = ${found}.` };
  },
};
