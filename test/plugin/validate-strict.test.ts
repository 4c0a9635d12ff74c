/**
 * `npm run validate` (shipgate validate . --strict) must be clean on the plugin itself. This runs the same
 * engine in-process on the plugin root, without the content-hash cache, so a stale bundle cannot hide a
 * finding; the CLI form is exercised by the validator's own tests and by `.ci/run`.
 */
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';
import { PLUGIN_ROOT } from './plugin-files.js';

describe('shipgate validate . --strict on the plugin', () => {
  it('reports nothing, not even warnings', async () => {
    const result = await validatePaths(['.'], { cwd: PLUGIN_ROOT, strict: true, cache: false });
    const findings = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
    expect(findings).toEqual([]);
    expect(result.failed).toBe(false);
    // The five skills, their references and the five commands were all looked at.
    expect(result.filesChecked).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('the example project\'s gate skill (what `shipgate demo` and the real-client suite deploy with) is clean too', async () => {
    const result = await validatePaths(['examples/skills'], { cwd: PLUGIN_ROOT, strict: true, cache: false });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.filesChecked).toBe(1);
  }, 60_000);
});
