import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { SHIPGATE_VERSION } from '../mcp-server/src/version.js';
import { main } from '../mcp-server/src/cli/main.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

describe('shipgate versions itself in one place', () => {
  it('the source reads the version from package.json', () => {
    expect(SHIPGATE_VERSION).toBe(json('package.json').version);
  });

  it('the plugin and marketplace manifests carry the same version (bumped as configured version files)', () => {
    const version = json('package.json').version;
    expect(json('.claude-plugin/plugin.json').version).toBe(version);
    const marketplace = json('.claude-plugin/marketplace.json');
    expect(marketplace.metadata.version).toBe(version);
    expect(marketplace.plugins[0].version).toBe(version);
  });

  it('`shipgate --version` prints it, from source and from the built bundle', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += String(c)));
    const code = await main(['--version'], { cwd: process.cwd(), stdout: out, stderr: new PassThrough(), env: {}, now: () => new Date() });
    expect(code).toBe(0);
    expect(text.trim()).toBe(json('package.json').version);
    const bundled = execFileSync(process.execPath, [new URL('../mcp-server/dist/cli.js', import.meta.url).pathname, '--version'], { encoding: 'utf8' });
    expect(bundled.trim()).toBe(json('package.json').version);
  });
});
