/**
 * The agent attesting for the human: an attestation is a person's word, given in their own terminal or
 * through the MCP elicitation form, never by the assistant running the attest command in Bash.
 * Blocked: `shipgate attest code_review --by Ada --evidence ok`, `npx shipgate attest ...`,
 *          `node mcp-server/dist/cli.js attest ...`.
 * Allowed: `shipgate gate`, `shipgate attest --help`, `cat .claude/shipgate/attestations.jsonl`.
 */
import type { GuardRule } from './guard-rule.js';

export const selfAttestRule: GuardRule = {
  id: 'self-attest',
  check(command) {
    let args = command.args;
    if (command.program === 'node' || command.program === 'nodejs') {
      const script = args.find((a) => !a.startsWith('-'));
      if (!script || !/(shipgate|mcp-server\/(dist|src)\/cli)/.test(script)) return null;
      args = args.slice(args.indexOf(script) + 1);
    } else if (command.program !== 'shipgate') {
      return null;
    }
    if (args.find((a) => !a.startsWith('-')) !== 'attest' || args.includes('--help') || args.includes('-h')) return null;
    return 'an attestation must come from a human (their own terminal, or the gate_attest elicitation form), not from the assistant';
  },
};
