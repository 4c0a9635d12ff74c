/**
 * Reads one skill/command/agent file from disk and parses it. Never throws for the file's content or
 * absence: a binary file, a file over 5 MB or an unreadable path becomes a document with one problem
 * (`file-binary`, `file-too-large`, `file-unreadable`) so a validator run reports it and carries on.
 *
 * Good: `await loadSkillFile('skills/deploy-production/SKILL.md')`.
 * Bad:  `parseSkill(path, fs.readFileSync(path, 'latin1'))` (wrong decoding, no size guard).
 */
import { readFile, stat } from 'node:fs/promises';
import type { DocumentKind, ParseProblem, SkillDocument } from './model.js';
import { emptyModel, parseSkill } from './parse-skill.js';
import { detectKind } from './detect-kind.js';

export { detectKind } from './detect-kind.js';

export const MAX_SKILL_BYTES = 5 * 1024 * 1024;

export async function loadSkillFile(path: string, kind?: DocumentKind): Promise<SkillDocument> {
  const documentKind = kind ?? detectKind(path);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return problemDocument(path, documentKind, 'file-unreadable', `Expected a file at ${path}, found a ${info.isDirectory() ? 'directory' : 'special file'}.`);
    if (info.size > MAX_SKILL_BYTES) {
      return problemDocument(path, documentKind, 'file-too-large', `File is ${(info.size / 1024 / 1024).toFixed(1)} MB; skills must be at most 5 MB. Move detail into references/ files.`);
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return problemDocument(path, documentKind, 'file-unreadable', `Cannot read ${path} (${code}). Check the path and its permissions.`);
  }
  if (isBinary(bytes)) {
    return problemDocument(path, documentKind, 'file-binary', 'File looks binary (it contains NUL bytes); expected UTF-8 Markdown text.');
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseSkill(path, text, documentKind);
}

/** NUL bytes in the first 8 KB, as git decides. */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

function problemDocument(path: string, kind: DocumentKind, ruleId: string, message: string): SkillDocument {
  const problem: ParseProblem = { ruleId, severity: 'error', message, position: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  return { path, kind, text: '', frontmatter: null, elements: [], problems: [problem], model: emptyModel() };
}
