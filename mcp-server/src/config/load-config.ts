/**
 * Loads `shipgate.config.yaml` (or `.claude/shipgate.yaml`), validates it with the zod schema and
 * reports every problem by key path. The hash of the file's bytes binds gate receipts to this exact
 * configuration: change the config and old receipts stop being accepted.
 *
 * Good: `environments.production.provider.type: expected one of git-push|command|kubernetes, found "ssh"`.
 * Bad:  `Invalid input` (no key path, no expectation, no fix).
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import type { ZodIssue } from 'zod';
import { configSchema, type EnvironmentConfig, type ShipgateConfig } from './schema.js';
import { ConfigError, quote } from '../errors.js';
import { CONFIG_FILE_NAMES } from '../project/config-file-names.js';
import { didYouMean } from '../util/did-you-mean.js';
import { issueRange, isRecordKeyIssue } from './issue-range.js';

export { CONFIG_FILE_NAMES };

export interface LoadedConfig {
  config: ShipgateConfig;
  /** Absolute path of the file read, or null when defaults are used. */
  path: string | null;
  /** sha256 (hex) of the file bytes, or of "" when there is no file. */
  hash: string;
}

export async function loadConfig(projectRoot: string): Promise<LoadedConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(projectRoot, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigError(`Cannot read ${name}: ${(error as Error).message}`, { where: path });
    }
    const hash = sha256(bytes);
    return { config: parsedOnce(path, hash, () => parseConfigText(configText(bytes, path), path)), path, hash };
  }
  return { config: parsedOnce('', sha256(''), () => configSchema.parse({})), path: null, hash: sha256('') };
}

/**
 * The MCP server loads the config several times per gate and deploy (YAML + zod, 2–4 ms each). Parsing is
 * a pure function of the file's bytes, so results are kept by path and sha256 of those bytes: an edit is
 * a new hash and parses again. Each caller gets its own copy, so none can change another's. Errors are
 * not kept (the next call reports them again, from the file as it is then).
 */
const parsed = new Map<string, ShipgateConfig>();
const KEPT_CONFIGS = 16;

function parsedOnce(path: string, hash: string, parse: () => ShipgateConfig): ShipgateConfig {
  const key = `${hash}\0${path}`;
  let config = parsed.get(key);
  if (!config) {
    config = parse();
    if (parsed.size >= KEPT_CONFIGS) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, config);
  }
  return structuredClone(config);
}

/** The file's text, or an error at the first bad byte when it is not UTF-8 text (binary is not a YAML problem). */
function configText(bytes: Buffer, path: string): string {
  const lenient = bytes.toString('utf8');
  let valid = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    valid = false;
  }
  const bad = lenient.search(valid ? /\u0000/ : /[\u0000\ufffd]/);
  if (bad === -1) return lenient;
  const before = lenient.slice(0, bad).split('\n');
  const nul = lenient[bad] === '\u0000';
  throw new ConfigError('The configuration file is not text: it holds a NUL byte or bytes that are not UTF-8.', {
    where: `${path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`,
    expected: 'a UTF-8 YAML file like the one `shipgate init` writes',
    found: nul ? 'a NUL byte' : 'bytes that are not UTF-8',
    hint: `Restore the file from git (\`git checkout -- ${path}\`) or write it again as text.`,
  });
}

/** Parse and validate config text; `file` is used in messages only. */
export function parseConfigText(text: string, file: string): ShipgateConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`The configuration file is not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      where: `${file}:${at.line}:${at.col}`,
      expected: 'a YAML mapping like the one `shipgate init` writes',
      hint: 'Fix the YAML syntax at that line (indentation, a missing colon, an unclosed quote).',
    });
  }
  const data: unknown = document.toJS() ?? {};
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  // Each problem at its line:col, like `shipgate validate` reports it; the first one is the error's place.
  const located = result.error.issues.map((issue) => {
    const range = issueRange(document, issue);
    const at = range ? lineCounter.linePos(range[0] ?? 0) : { line: 1, col: 1 };
    return { at: `${at.line}:${at.col}`, text: formatIssue(issue, data) };
  });
  const problems = located.map((p) => `${p.at} ${p.text}`);
  throw new ConfigError(`The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
    where: `${file}:${located[0]?.at ?? '1:1'}`,
    hint: 'Fix the keys listed above (line:col in the file); `shipgate init` writes a commented example.',
  });
}

/** `a.b.c: expected X, found Y` for one zod issue. */
export function formatIssue(issue: ZodIssue, data: unknown): string {
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  const found = describeValue(valueAt(data, issue.path));
  // A bad key of a record (an environment named `Prod`): what was found is the key, not its mapping.
  if (isRecordKeyIssue(issue, valueAt(data, issue.path))) return `${path}: expected the key to be ${issue.message}, found ${quote(String(issue.path.at(-1)), 60)}`;
  switch (issue.code) {
    case 'invalid_union_discriminator':
      return `${path}: expected one of ${issue.options.map(String).join('|')}, found ${found}`;
    case 'invalid_enum_value':
      return `${path}: expected one of ${issue.options.map(String).join('|')}, found ${found}`;
    case 'invalid_type':
      return issue.received === 'undefined' ? `${path}: required ${issue.expected} is missing` : `${path}: expected ${issue.expected}, found ${found}`;
    case 'unrecognized_keys':
      return `${path}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => quote(k)).join(', ')} (check the spelling)`;
    default: {
      // A custom message that already says what it found (a duration, a placeholder) is not told twice.
      const message = issue.message.replace(/^Invalid input$/, 'invalid value');
      return /\bfound\b/.test(message) ? `${path}: ${message}` : `${path}: ${message}, found ${found}`;
    }
  }
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value, 60);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The named environment, or a ConfigError listing the configured ones. */
export function getEnvironment(loaded: LoadedConfig, name: string): EnvironmentConfig {
  const environment = Object.prototype.hasOwnProperty.call(loaded.config.environments, name) ? loaded.config.environments[name] : undefined;
  if (environment) return environment;
  const names = Object.keys(loaded.config.environments);
  const suggestion = didYouMean(name, names);
  throw new ConfigError(`No environment named ${quote(name, 60)} in the configuration.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, {
    where: loaded.path ? `${loaded.path}: environments` : 'environments (no configuration file found)',
    expected: names.length ? `one of: ${names.join(', ')}` : 'an `environments:` section',
    hint: names.length ? `Use --env ${suggestion ?? names[0]}, or add ${quote(name, 60)} under environments:.` : 'Run `shipgate init` to write a starter configuration.',
  });
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
