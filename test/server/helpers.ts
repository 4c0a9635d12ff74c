/**
 * Shared parts of the MCP server tests: a real git repository in a temp folder with a
 * shipgate.config.yaml whose gates are small skill files, and an in-process MCP client connected to
 * createServer() over the SDK's InMemoryTransport.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../mcp-server/src/server/create-server.js';

/** A Tuesday morning, far from any default deploy-window denial. */
export const FIXED_NOW = new Date('2026-03-10T10:00:00Z');

const check = (id: string, command: string) => `- <check id="${id}">
  <command>${command}</command>
  <expected>exit code 0</expected>
  <failure_mode>the gate blocks</failure_mode>
</check>`;

function gateSkill(name: string, checks: string[]): string {
  return `---
name: ${name}
description: Test gate ${name} used by the MCP server tests.
---
# ${name}

<safety_gate type="blocking" phase="pre-deploy">
<purpose>Prove the MCP server runs real gates.</purpose>
<checks>
${checks.join('\n')}
</checks>
</safety_gate>
`;
}

const attestationCheck = `- <check id="code_review">
  <requirement>The release was reviewed by a second person.</requirement>
  <verification>A human confirms the review.</verification>
  <failure_mode>the gate blocks</failure_mode>
</check>`;

export const FIXTURE_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture-app', version: '1.0.0', private: true }, null, 2) + '\n',
  'shipgate.config.yaml': `app: fixture-app
environments:
  production:
    provider: { type: command, deploy: ["true"] }
    gates: [gates/mixed/SKILL.md]
  staging:
    provider: { type: command, deploy: ["true"] }
    gates: [gates/passing/SKILL.md]
  review:
    provider: { type: command, deploy: ["true"] }
    gates: [gates/attest/SKILL.md]
  slow:
    provider: { type: command, deploy: ["true"] }
    gates: [gates/slow/SKILL.md]
`,
  'gates/slow/SKILL.md': gateSkill('slow-gate', [check('slow_then_mark', 'echo started > started-marker; sleep 2.0417; touch finished-marker')]),
  'gates/passing/SKILL.md': gateSkill('passing-gate', [check('always_true', 'true')]),
  'gates/mixed/SKILL.md': gateSkill('mixed-gate', [check('always_true', 'true'), check('always_false', 'false')]),
  'gates/attest/SKILL.md': gateSkill('attest-gate', [check('always_true', 'true'), attestationCheck]),
};

export interface FixtureRepo {
  root: string;
  head: string;
  cleanup(): void;
}

/** A committed git repository in a temp folder holding FIXTURE_FILES. */
export function createFixtureRepo(files: Record<string, string> = FIXTURE_FILES): FixtureRepo {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-server-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, '.gitignore'), '.claude/shipgate/\nstarted-marker\nfinished-marker\n');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' },
    }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'chore: fixture');
  return { root, head: git('rev-parse', 'HEAD'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Connected {
  client: Client;
  close(): Promise<void>;
}

export interface ConnectOptions {
  projectRoot: string;
  readOnly?: boolean;
  env?: NodeJS.ProcessEnv;
  capabilities?: ClientCapabilities;
  /** Runs before connect, e.g. to install an elicitation handler. */
  setup?: (client: Client) => void;
}

/** createServer() and an SDK Client talking over InMemoryTransport. */
export async function connect(options: ConnectOptions): Promise<Connected> {
  const server = createServer({
    projectRoot: options.projectRoot,
    now: () => FIXED_NOW,
    env: options.env ?? { ...process.env, SHIPGATE_READ_ONLY: '' },
    ...(options.readOnly !== undefined ? { readOnly: options.readOnly } : {}),
  });
  const client = new Client({ name: 'shipgate-test', version: '0.0.0' }, { capabilities: options.capabilities ?? {} });
  options.setup?.(client);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** The text of the first content block of a tools/call result. */
export function textOf(result: object): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content;
  return content?.find((c) => c.type === 'text')?.text ?? '';
}

/** The shipgate error code attached to an isError result. */
export function errorCodeOf(result: object): string | undefined {
  const meta = (result as { _meta?: Record<string, unknown> })._meta;
  return (meta?.['shipgate/error'] as { code?: string } | undefined)?.code;
}
