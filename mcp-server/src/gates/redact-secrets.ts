/**
 * Command output shown in gate results may carry secrets (a test printing its env, a curl with a
 * token). Before any output leaves the engine it passes here.
 *
 * Good: `Authorization: Bearer [redacted]`, `ghp_[redacted]`.
 * Bad:  printing `password=hunter2` into an MCP result the model (and its logs) can read.
 */
const PATTERNS: [RegExp, string][] = [
  [/\b(gh[pousr]_)[A-Za-z0-9]{16,}/g, '$1[redacted]'],
  [/\b(github_pat_)[A-Za-z0-9_]{20,}/g, '$1[redacted]'],
  [/\b((?:AKIA|ASIA)[A-Z0-9]{4})[A-Z0-9]{8,}/g, '$1[redacted]'],
  [/\b(xox[abposr]-)[A-Za-z0-9-]{8,}/g, '$1[redacted]'],
  [/\b(sk-[a-z]*-?)[A-Za-z0-9_-]{16,}/g, '$1[redacted]'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, '$1[redacted]'],
  [/\b(Basic\s+)[A-Za-z0-9+/=]{8,}/g, '$1[redacted]'],
  [/\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&"']+)/gi, '$1[redacted]'],
  [/(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '$1 [redacted] $2'],
];

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL/i;

/** Values of environment variables whose names look secret (at least 6 characters, to avoid noise). */
export function secretEnvValues(env: NodeJS.ProcessEnv): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 6 && SECRET_NAME.test(name)) values.push(value);
  }
  return values.sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, envValues: readonly string[] = []): string {
  let out = text;
  for (const value of envValues) out = out.split(value).join('[redacted]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Last `max` characters of combined output, redacted. */
export function outputTail(stdout: string, stderr: string, envValues: readonly string[], max = 2_000): string {
  const combined = [stdout, stderr].filter((s) => s.trim() !== '').join('\n');
  const redacted = redactSecrets(combined, envValues);
  return redacted.length > max ? `…${redacted.slice(redacted.length - max)}` : redacted;
}
