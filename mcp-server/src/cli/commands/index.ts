/**
 * The one registry of CLI commands. Each entry loads its module lazily so that `shipgate mcp` and the
 * hooks start fast. Add a command: copy a sibling file, add a line here, add a test.
 */
import type { CliCommand } from '../command.js';

export const commandLoaders: Record<string, () => Promise<CliCommand>> = {
  validate: async () => (await import('./validate.js')).command,
  gate: async () => (await import('./gate.js')).command,
  attest: async () => (await import('./attest.js')).command,
  bump: async () => (await import('./bump.js')).command,
  deploy: async () => (await import('./deploy.js')).command,
  rollback: async () => (await import('./rollback.js')).command,
  health: async () => (await import('./health.js')).command,
  runbook: async () => (await import('./runbook.js')).command,
  learnings: async () => (await import('./learnings.js')).command,
  history: async () => (await import('./history.js')).command,
  init: async () => (await import('./init.js')).command,
  harden: async () => (await import('./harden.js')).command,
  doctor: async () => (await import('./doctor.js')).command,
  aliases: async () => (await import('./aliases.js')).command,
  mcp: async () => (await import('./mcp.js')).command,
  demo: async () => (await import('./demo.js')).command,
  verify: async () => (await import('./verify.js')).command,
};

export const commandSummaries: Record<string, string> = {
  validate: 'Lint skills, commands, hooks and manifests of a plugin (file:line:col, rule id, fix hint).',
  gate: 'Run the blocking safety gates for an environment and issue a receipt when they pass.',
  attest: 'Record a human attestation for a check (who, when, evidence).',
  bump: 'Plan and apply a semantic version release: version files, changelog, commit, annotated tag.',
  deploy: 'Deploy the gated commit with a strategy through a provider, watch health, roll back on failure.',
  rollback: 'Roll an environment back to the previous (or a named) version.',
  health: 'Run the configured health checks and smoke tests against an environment.',
  runbook: 'Write a deployment runbook for a strategy from the real configuration.',
  learnings: 'Show the lessons learned, or record one.',
  history: 'List past deployments and rollbacks from the records.',
  init: 'Write a commented starter shipgate.config.yaml for this repository.',
  harden: "Turn on hardened mode: merge Claude Code's OS sandbox and permission rules into .claude/settings.json.",
  doctor: 'Report the protection level in force (guarded, signed, sandboxed), each setting verified, and what is missing.',
  aliases: 'Write project aliases in .claude/commands/ so /deploy-production and /ship-prod work as typed.',
  mcp: 'Start the shipgate MCP server on stdio.',
  demo: 'Run the whole story on the built-in example in a temp folder.',
  verify: 'Check that a commit has a passing gate record signed by an allowed key (for CI, before deploy).',
};
