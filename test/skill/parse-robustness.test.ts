import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSkill } from '../../mcp-server/src/skill/parse-skill.js';
import { markdownTree } from '../../mcp-server/src/skill/markdown-tree.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

describe('parseSkill never throws', () => {
  it('empty string → empty document, no problems', () => {
    const doc = parseSkill('skills/a/SKILL.md', '');
    expect(doc.frontmatter).toBeNull();
    expect(doc.elements).toEqual([]);
    expect(doc.problems).toEqual([]);
    expect(markdownTree('').children).toEqual([]);
  });

  it('no frontmatter → frontmatter null, body still parsed', () => {
    const doc = parseSkill('skills/a/SKILL.md', '# Title\n\n<critical_constraint>Never on Friday</critical_constraint>\n');
    expect(doc.frontmatter).toBeNull();
    expect(doc.model.criticalConstraints).toEqual([{ text: 'Never on Friday', position: { line: 3, column: 1, endLine: 3, endColumn: 59 } }]);
  });

  it('bad YAML → frontmatter-yaml problem at the line of the error', () => {
    const doc = parseSkill('skills/a/SKILL.md', '---\nname: ok\ndescription: [unclosed\n---\n# Body\n');
    const problem = doc.problems.find((p) => p.ruleId === 'frontmatter-yaml');
    expect(problem).toBeDefined();
    expect(problem!.position.line).toBeGreaterThanOrEqual(3);
    expect(problem!.position.line).toBeLessThanOrEqual(4);
    expect(doc.frontmatter?.data).toEqual({});
  });

  it('unclosed frontmatter → problem at 1:1', () => {
    const doc = parseSkill('skills/a/SKILL.md', '---\nname: ok\n# Body\n');
    expect(doc.problems).toMatchObject([{ ruleId: 'frontmatter-yaml', position: { line: 1, column: 1 } }]);
  });

  it('a YAML list as frontmatter → problem naming the mapping expected', () => {
    const doc = parseSkill('skills/a/SKILL.md', '---\n- a\n- b\n---\n');
    expect(doc.problems[0]!.message).toMatch(/must be a YAML mapping/);
  });

  it('binary junk → no throw', () => {
    let junk = '';
    let seed = 7;
    for (let i = 0; i < 20_000; i += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(seed % 256);
    }
    const doc = parseSkill('skills/a/SKILL.md', junk);
    expect(Array.isArray(doc.problems)).toBe(true);
    expect(markdownTree(junk).type).toBe('root');
  });

  it('unclosed everything → problems with positions, model still read', () => {
    const text = '<safety_gate type="blocking">\n<checks>\n- <check id="a">\n  <command>npm test && echo "a < b > c"';
    const doc = parseSkill('skills/a/SKILL.md', text);
    const unclosed = doc.problems.filter((p) => p.ruleId === 'xml-well-formed');
    expect(unclosed.map((p) => p.message.match(/<(\w+)>/)?.[1])).toEqual(['safety_gate', 'checks', 'check', 'command']);
    expect(unclosed.find((p) => p.message.includes('<check>'))!.position).toMatchObject({ line: 3, column: 3 });
    expect(unclosed[0]!.message).toBe('Unclosed <safety_gate> opened at 1:1, expected </safety_gate> before the end of the file.');
    const check = doc.model.safetyGates[0]!.checks[0]!;
    expect(check.decider).toMatchObject({ kind: 'command', command: 'npm test && echo "a < b > c"' });
  });

  it('mismatched close → message names the opener and the closer', () => {
    const text = '<safety_gate>\n<checks>\n<check id="a">\n<command>x</command>\n</checks>\n</safety_gate>\n';
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({
      ruleId: 'xml-well-formed',
      severity: 'error',
      message: 'Unclosed <check> opened at 3:1, expected </check> before </checks> at 5:1.',
      position: { line: 3, column: 1 },
    });
    expect(doc.model.safetyGates[0]!.checks[0]!.decider).toMatchObject({ kind: 'command', command: 'x' });
  });

  it('an unclosed check before its sibling does not swallow the sibling', () => {
    const text = '<checks>\n<check id="a">\n<check id="b"><command>y</command></check>\n</checks>';
    const doc = parseSkill('skills/a/SKILL.md', `<safety_gate>${text}</safety_gate>`);
    expect(doc.model.safetyGates[0]!.checks.map((c) => c.id)).toEqual(['a', 'b']);
    expect(doc.problems).toHaveLength(1);
  });

  it('a stray closing tag is reported where it is', () => {
    const doc = parseSkill('skills/a/SKILL.md', 'text\n\n</check>\n');
    expect(doc.problems).toMatchObject([{ ruleId: 'xml-well-formed', position: { line: 3, column: 1 } }]);
    expect(doc.problems[0]!.message).toMatch(/^Unexpected <\/check> at 3:1: no <check> is open/);
  });

  it('a 1 MB file parses', () => {
    const seed = fixture('seed-001-deploy-production.md');
    const body = seed.slice(seed.indexOf('# Deploy'));
    let text = seed;
    // Each copy's check ids are its own (a check id used twice in one skill is a problem of its own).
    for (let copy = 1; text.length < 1_000_000; copy += 1) text += body.replace(/<check id="([a-z0-9_]+)"/g, `<check id="$1_${copy}"`);
    const started = performance.now();
    const doc = parseSkill('skills/a/SKILL.md', text);
    const ms = performance.now() - started;
    console.log(`1 MB skill (${doc.model.safetyGates.length} gates): ${ms.toFixed(1)} ms without Markdown`);
    expect(doc.model.safetyGates.length).toBeGreaterThan(100);
    expect(doc.problems).toEqual([]);
  });

  it('CRLF line endings parse like LF', () => {
    const crlf = fixture('seed-001-deploy-production.md').replace(/\n/g, '\r\n');
    const doc = parseSkill('skills/a/SKILL.md', crlf);
    expect(doc.problems).toEqual([]);
    expect(doc.frontmatter?.data.name).toBe('deploy-production');
    expect(doc.model.safetyGates[0]!.checks.map((c) => c.decider?.kind)).toEqual(['command', ...Array(7).fill('attestation')]);
    expect(doc.model.safetyGates[0]!.checks[0]!.position.line).toBe(22);
    expect(doc.model.logicFlows[0]!.edges).toHaveLength(8);
    expect(doc.model.rollbackProcedures[0]!.steps[3]!.actions[0]).toBe('Fix the issue in code');
    const lessons = parseSkill('skills/b/SKILL.md', fixture('seed-004-lessons-learned.md').replace(/\n/g, '\r\n'));
    expect(lessons.model.pitfalls.map((p) => p.id)).toEqual(['missing_rollback_plan', 'insufficient_post_deploy_monitoring']);
    expect(lessons.model.pitfalls[0]!.impact).toBe('Critical (extended downtime if issues arise)');
  });

  it('deep nesting is bounded and reported once', () => {
    const doc = parseSkill('skills/a/SKILL.md', '<x>'.repeat(5_000));
    expect(doc.problems.filter((p) => p.message.includes('nested deeper')).length).toBe(1);
  });

  it('long paragraphs full of unmatched backticks stay fast', () => {
    const text = '``` x` '.repeat(2).concat('a` b`` c'.repeat(50_000));
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.problems).toEqual([]);
  });
});

describe('what counts as an XML element', () => {
  it('ignores code fences, inline code, HTML, autolinks, comparisons and comments', () => {
    const text = [
      'Compare a < b and c > d, see <https://example.com> and <me@example.com>.',
      'HTML: <br> <details><summary>More</summary> body </details> <img src="x.png"> <Check>',
      'Inline `<check id="inline">` is code. ``<check id="double">`` too.',
      '<!-- <check id="commented"> -->',
      '```xml',
      '<check id="fenced">',
      '```',
      '~~~',
      '<safety_gate>',
      '~~~',
      '<critical_constraint>real</critical_constraint>',
    ].join('\n');
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.problems).toEqual([]);
    expect(doc.elements.map((e) => e.name)).toEqual(['critical_constraint']);
    expect(doc.elements[0]!.position).toMatchObject({ line: 11, column: 1 });
  });

  it('reads attributes with positions, self-closing verify, list markers and && in commands', () => {
    const text = [
      '<safety_gate type="advisory" phase=pre_deploy>',
      '<checks>',
      '- <check id="backups" timeout="2m">',
      '  <verify kind="file-age" path="backups/*.log" max_age=\'24h\'/>',
      '  </check>',
      '- <check id="build">',
      '  <command>npm ci && npm run build > /dev/null</command>',
      '  <timeout>10m</timeout>',
      '  </check>',
      '</checks>',
      '</safety_gate>',
    ].join('\n');
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.problems).toEqual([]);
    const gate = doc.model.safetyGates[0]!;
    expect(gate).toMatchObject({ type: 'advisory', phase: 'pre_deploy' });
    const [backups, build] = gate.checks;
    expect(backups!.timeoutMs).toBe(120_000);
    expect(backups!.decider).toMatchObject({ kind: 'verify', verify: { kind: 'file-age', attributes: { path: 'backups/*.log', max_age: '24h' } } });
    expect(build!.decider).toMatchObject({ kind: 'command', command: 'npm ci && npm run build > /dev/null' });
    expect(build!.timeoutMs).toBe(600_000);
    const checkElement = doc.elements[0]!.children[0]!.children[0]!;
    expect(checkElement.attributePositions.timeout).toEqual({ line: 3, column: 32, endLine: 3, endColumn: 34 });
    expect(checkElement.text).toBe('');
  });

  it('reports bad timeouts, gate types and condition numbers as skill-model problems', () => {
    const text = [
      '<safety_gate type="maybe"><check id="x"><timeout>soon</timeout><requirement>r</requirement></check></safety_gate>',
      '<rollback_procedure><trigger_conditions><condition metric="error_rate" above="lots" for="2m">x</condition>',
      '<condition metric="latency_p95" above="5%" for="90s">y</condition></trigger_conditions></rollback_procedure>',
    ].join('\n');
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.problems.map((p) => p.ruleId)).toEqual(['skill-model', 'skill-model', 'skill-model']);
    expect(doc.problems[0]!.message).toMatch(/expected "blocking" or "advisory"/);
    expect(doc.problems[1]!.message).toMatch(/Expected a duration/);
    expect(doc.problems[2]!.message).toMatch(/Expected a number for above=/);
    const conditions = doc.model.rollbackProcedures[0]!.triggerConditions;
    expect(conditions[0]).toMatchObject({ metric: 'error_rate', forMs: 120_000 });
    expect(conditions[0]!.above).toBeUndefined();
    expect(conditions[1]).toMatchObject({ metric: 'latency_p95', above: 0.05, forMs: 90_000 });
    expect(doc.model.safetyGates[0]!.type).toBe('blocking');
  });

  it('command text is raw: redirections and tag-like text stay in the command', () => {
    const text = '<check id="c">\n<command>sort <input.txt >out && echo "<done>" | grep -c <b></command>\n<verify kind="command">test $(wc -l <out) -gt 0</verify>\n</check>';
    const doc = parseSkill('skills/a/SKILL.md', `<safety_gate>${text}</safety_gate>`);
    expect(doc.problems).toEqual([]);
    const check = doc.model.safetyGates[0]!.checks[0]!;
    expect(check.deciders).toMatchObject([
      { kind: 'command', command: 'sort <input.txt >out && echo "<done>" | grep -c <b>' },
      { kind: 'verify', verify: { kind: 'command', text: 'test $(wc -l <out) -gt 0' } },
    ]);
  });

  it('a placeholder tag does not swallow its siblings', () => {
    const text = '<workflow>\nRun deploy <env> now.\n<step_1>a</step_1>\n</workflow>';
    const doc = parseSkill('skills/a/SKILL.md', text);
    expect(doc.elements[0]!.children.map((c) => c.name)).toEqual(['env', 'step_1']);
    expect(doc.problems).toMatchObject([{ severity: 'warning', position: { line: 2, column: 12 } }]);
  });
});

describe('logic_flow DOT', () => {
  it('reads chains, defaults, quoted ids, comments and subgraphs', () => {
    const text = [
      '<logic_flow>',
      'digraph "Release Flow" {',
      '  // a comment',
      '  graph [rankdir=LR]; node [shape=box]; edge [color=gray]',
      '  /* block',
      '     comment */',
      '  "Start here" -> Build -> Test [label="ok"];',
      '  subgraph cluster_a { Deploy; Verify }',
      '  Test -> Deploy',
      '  Verify -> Done [label="Health \\"OK\\""];',
      '}',
      '</logic_flow>',
    ].join('\n');
    const flow = parseSkill('skills/a/SKILL.md', text).model.logicFlows[0]!;
    expect(flow.error).toBeUndefined();
    expect(flow.graphName).toBe('Release Flow');
    expect(flow.nodes.map((n) => n.id)).toEqual(['Start here', 'Build', 'Test', 'Deploy', 'Verify', 'Done']);
    expect(flow.edges.map((e) => [e.from, e.to, e.label])).toEqual([
      ['Start here', 'Build', 'ok'],
      ['Build', 'Test', 'ok'],
      ['Test', 'Deploy', undefined],
      ['Verify', 'Done', 'Health "OK"'],
    ]);
    expect(flow.nodes[0]!.position).toMatchObject({ line: 7, column: 3 });
  });

  it('a syntax error becomes LogicFlow.error with a position, keeping what was read', () => {
    const flow = parseSkill('skills/a/SKILL.md', '<logic_flow>\ndigraph D {\n  A -> B;\n  B -> ;\n}\n</logic_flow>').model.logicFlows[0]!;
    expect(flow.edges).toHaveLength(1);
    expect(flow.error?.message).toBe('Expected a node id after `->` at 4:8, found `;` in the logic_flow graph.');
    expect(flow.error?.position).toMatchObject({ line: 4, column: 8 });
  });

  it('not a digraph, and unclosed braces, are errors', () => {
    expect(parseSkill('x.md', '<logic_flow>flowchart TD; A-->B</logic_flow>').model.logicFlows[0]!.error?.message).toMatch(/^Expected `digraph Name \{`/);
    expect(parseSkill('x.md', '<logic_flow>digraph { A -> B</logic_flow>').model.logicFlows[0]!.error?.message).toMatch(/found the end of the block/);
  });
});

describe('performance sanity', () => {
  it('parses 1,000 skills of ~2.5 KB (printout only)', () => {
    const seed = fixture('seed-001-deploy-production.md').slice(0, 2_500);
    const started = performance.now();
    const cpu = process.cpuUsage();
    let gates = 0;
    for (let i = 0; i < 1_000; i += 1) gates += parseSkill(`skills/s${i}/SKILL.md`, `${seed}\n<!-- ${i} -->\n`).model.safetyGates.length;
    const ms = performance.now() - started;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    console.log(`1,000 × 2.5 KB skills: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, cold (${gates} gates read, Markdown trees not built)`);
    expect(gates).toBe(1_000);
  });
});
