/**
 * Redaction lives in util/redact-secrets.ts (every output edge uses it, the MCP server's start-up path
 * included, which must not load gates/); this name stays for the gate runner and verify kinds.
 */
export { outputTail, redactSecrets, secretEnvValues } from '../util/redact-secrets.js';
