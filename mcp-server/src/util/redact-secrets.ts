/**
 * Secrets never leave shipgate in what it shows or stores: gate output, provider stdout/stderr,
 * CLI and MCP text, deployment records (.md and .json), learnings events and learnings.md all pass
 * through here at their edge. Redacted: values of environment variables whose names contain SECRET,
 * TOKEN, PASSWORD, PASSWD, KEY, CREDENTIAL or AUTH (4 characters or more), the same names written
 * `NAME=value` / `"name": "value"` in text, URL userinfo passwords, npm `_authToken`, Slack webhook
 * paths, GitHub tokens, AWS access key ids and secret keys, JWTs, bearer/basic credentials and
 * private-key blocks. Replacements never touch quotes or backslashes, so JSON text stays JSON.
 *
 * Good: `https://ci:[redacted]@git.example.com`, `AWS_SECRET_ACCESS_KEY=[redacted]`, `ghp_[redacted]`.
 * Bad:  a failing deploy's stderr with an AWS secret copied into the record, events.jsonl and the MCP result.
 */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|KEY|CREDENTIAL|AUTH(?!OR)/i;
const VALUE = String.raw`[^\s"'\\&,;<>]`;

const PATTERNS: [RegExp, string | ((...groups: string[]) => string)][] = [
  // Private-key blocks (also inside JSON strings, where the newlines are `\n`).
  [/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[^"]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|(?=")|$)/g, '$1[redacted]$2'],
  // URL userinfo: scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@"'\\]+:)([^\s@"'\\/]+)(@)/gi, '$1[redacted]$3'],
  // Slack incoming webhooks.
  [/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g, '$1[redacted]'],
  // GitHub tokens.
  [/\b(gh[pousr]_)[A-Za-z0-9]{16,}/g, '$1[redacted]'],
  [/\b(github_pat_)[A-Za-z0-9_]{20,}/g, '$1[redacted]'],
  // AWS access key ids.
  [/\b((?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{4})[A-Z0-9]{8,}/g, '$1[redacted]'],
  // Slack and OpenAI-style tokens.
  [/\b(xox[abposr]-)[A-Za-z0-9-]{8,}/g, '$1[redacted]'],
  [/\b(sk-[a-z]*-?)[A-Za-z0-9_-]{16,}/g, '$1[redacted]'],
  // JWTs.
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g, '[redacted-jwt]'],
  // Authorization headers.
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, '$1[redacted]'],
  [/\b(Basic\s+)[A-Za-z0-9+/=]{8,}/g, '$1[redacted]'],
  // NAME=value, NAME: value, "name": "value" where the name says secret (npm's `_authToken=` included).
  // JSON arrays, objects, numbers and booleans after such a name are structure, not secrets: left as they are.
  [new RegExp(String.raw`((?:^|[^A-Za-z0-9_])["']?[A-Za-z0-9_.-]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|_KEY|CREDENTIAL|AUTH(?!OR))[A-Za-z0-9_.-]*["']?\s*[=:]\s*["']?)((?![[{]|(?:true|false|null|-?\d+(?:\.\d+)?)(?![A-Za-z0-9_]))${VALUE}{2,})`, 'gi'), '$1[redacted]'],
  // AWS secret access keys: 40 characters of base64 that are not a hex digest.
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (match) => (/^[0-9a-f]+$/i.test(match) || !/[A-Z]/.test(match) || !/[a-z]/.test(match) || !/[0-9/+]/.test(match) ? match : '[redacted]')],
];

/** Values of environment variables whose names look secret (4 characters or more), longest first. */
export function secretEnvValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 4 && SECRET_NAME.test(name) && value.trim() === value) values.add(value);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, envValues: readonly string[] = []): string {
  let out = text;
  for (const value of envValues) if (out.includes(value)) out = replaceToken(out, value);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement as string);
  return out;
}

/** Replace `value` where it stands as a token (not inside a longer word), so short values do not shred text. */
function replaceToken(text: string, value: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (at < from) continue;
    const before = text[at - 1];
    const after = text[at + value.length];
    const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
    if (value.length < 8 && (alnum(before) || alnum(after))) continue;
    out += `${text.slice(from, at)}[redacted]`;
    from = at + value.length;
  }
  return out + text.slice(from);
}

let processValues: string[] | undefined;

/** Redaction with this process's secret environment values: the one call each output edge makes. */
export function redactOutput(text: string): string {
  processValues ??= secretEnvValues(process.env);
  return redactSecrets(text, processValues);
}

/** The same for structured data: every string value (never a key) is redacted; shape is kept. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactOutput(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item);
    return out as T;
  }
  return value;
}

/** Last `max` characters of combined output, redacted. */
export function outputTail(stdout: string, stderr: string, envValues: readonly string[], max = 2_000): string {
  const combined = [stdout, stderr].filter((s) => s.trim() !== '').join('\n');
  const redacted = redactSecrets(combined, envValues);
  return redacted.length > max ? `…${redacted.slice(redacted.length - max)}` : redacted;
}
