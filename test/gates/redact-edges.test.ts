/**
 * Secrets in provider output never reach what shipgate shows or stores: a production deploy whose
 * command provider fails with an AWS secret, a GitHub token and a URL password on stderr is run
 * through the CLI; the CLI text, the MCP tool result, the record (.md and .json), events.jsonl and
 * learnings.md are then searched for every planted secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Writable } from 'node:stream';
import { makeProject, release, passReceipt, type Project } from '../deploy/helpers.js';
import { main } from '../../mcp-server/src/cli/main.js';
import { callTool } from '../../mcp-server/src/server/call-tool.js';
import { tool as deployTool } from '../../mcp-server/src/server/tools/deploy.js';
import type { ToolContext } from '../../mcp-server/src/server/tool.js';

const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GITHUB_TOKEN = 'ghp_R3aLlyS3cretT0kenValue1234567890ab';
const URL_PASSWORD = 'hunter2hunter2';
const PLANTED = [AWS_SECRET, GITHUB_TOKEN.slice(4), URL_PASSWORD];

let project: Project;

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  return { stream, text: () => text };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

beforeAll(async () => {
  project = await makeProject((text) =>
    text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    provider: { type: command, deploy: [node, leak.mjs, "{version}"], timeout: 20s }
    strategy: { type: rolling }
`),
    { platform: false },
  );
  await writeFile(join(project.root, 'leak.mjs'), `process.stderr.write('deploy failed: AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\\n');\nprocess.stderr.write('token ${GITHUB_TOKEN} remote https://ci:${URL_PASSWORD}@git.example.com/x.git\\n');\nprocess.stdout.write('raw ${AWS_SECRET}\\n');\nprocess.exit(3);\n`);
  const { execFileSync } = await import('node:child_process');
  execFileSync('git', ['add', '-A'], { cwd: project.root });
  execFileSync('git', ['commit', '-qm', 'chore: leaky provider'], { cwd: project.root });
  await release(project.root, '1.1.0');
}, 60_000);
afterAll(async () => project?.cleanup());

describe('secret redaction at every output edge', () => {
  it('CLI text, record .md/.json, events.jsonl and learnings.md carry none of the planted secrets', async () => {
    await passReceipt(project.root);
    const out = sink();
    const err = sink();
    const code = await main(['deploy', '--env', 'production'], { cwd: project.root, stdout: out.stream, stderr: err.stream, env: process.env, now: () => new Date() });
    expect(code).not.toBe(0);
    const shown = out.text() + err.text();
    const stored = await Promise.all((await filesUnder(project.root)).filter((f) => !f.includes('/.git/') && /\.(md|json|jsonl)$/.test(f)).map(async (f) => [f, await readFile(f, 'utf8')] as const));
    const records = stored.filter(([f]) => f.includes('processes'));
    expect(records.length).toBeGreaterThan(0);
    for (const secret of PLANTED) {
      expect(shown).not.toContain(secret);
      for (const [file, text] of stored) expect(text, file).not.toContain(secret);
    }
    for (const [file, text] of stored.filter(([f]) => f.endsWith('.json'))) expect(() => JSON.parse(text), file).not.toThrow();
    // Not vacuous: the provider's output did reach these places, redacted.
    expect(shown).toContain('[redacted]');
    expect(records.some(([, text]) => text.includes('deploy failed') && text.includes('[redacted]'))).toBe(true);
    for (const name of ['events.jsonl', 'learnings.md']) {
      expect(stored.some(([f, text]) => f.endsWith(name) && text.includes('deploy failed') && text.includes('[redacted]')), name).toBe(true);
    }
  }, 120_000);

  it('the MCP deploy tool result (text and structuredContent) carries none of them', async () => {
    await passReceipt(project.root);
    const context: ToolContext = { projectRoot: project.root, signal: new AbortController().signal, now: () => new Date(), env: process.env, progress: async () => undefined, log: async () => undefined };
    const result = await callTool(deployTool, z.object(deployTool.inputSchema).parse({}), context);
    const text = JSON.stringify(result);
    for (const secret of PLANTED) expect(text).not.toContain(secret);
  }, 120_000);
});
