/**
 * The README stays true to the code: its configuration example is accepted by the zod schema, it names
 * the five commands and the eleven tools, and the Quick start block the lead owns is intact.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../mcp-server/src/config/load-config.js';
import { COMMAND_NAMES, DESIGN_TOOLS, PLUGIN_ROOT } from './plugin-files.js';

const readme = readFileSync(join(PLUGIN_ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`## ${title}`);
  expect(start, `README section "${title}"`).toBeGreaterThanOrEqual(0);
  const next = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, next === -1 ? undefined : next);
}

describe('README', () => {
  it('keeps the Quick start block', () => {
    expect(section('Quick start')).toContain('npm ci && npx shipgate demo');
    expect(section('Quick start')).toContain('npm ci && npm test');
  });

  it('has a configuration example the schema accepts', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section('Configuration'))?.[1];
    expect(yaml).toBeDefined();
    const config = parseConfigText(yaml ?? '', 'README.md');
    const production = config.environments['production'];
    expect(production?.provider.type).toBe('kubernetes');
    expect(production?.strategy.type).toBe('canary');
    expect(production?.monitor.maxErrorRate).toBe(0.05);
    expect(production?.monitor.healthFailingFor).toBe(5 * 60_000);
    expect(config.notify?.command[0]).toBe('node');
  });

  it('documents install both ways, the five commands and the eleven tools', () => {
    const install = section('Install');
    expect(install).toContain('/plugin marketplace add');
    expect(install).toContain('/plugin install shipgate@shipgate');
    expect(install).toContain('claude --plugin-dir');
    for (const name of COMMAND_NAMES) expect(section('The five commands')).toContain(`### \`/${name}`);
    for (const tool of DESIGN_TOOLS) expect(section('CLI')).toContain(`\`${tool}\``);
    expect(section('Performance')).toMatch(/\| benchmark \|/);
  });
});
