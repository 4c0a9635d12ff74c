/**
 * Fault #15.6: XML entities in `<command>` (`&amp;`, `&gt;`, `&lt;`, `&quot;`, `&apos;`, numeric) are
 * decoded before the command reaches `sh`; a real gate run proves the shell saw `&&` and `>`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from '../gates/fixture-repo.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { parseSkill } from '../../mcp-server/src/skill/parse-skill.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

describe('XML entities in commands', () => {
  it('the parsed model holds the decoded command', () => {
    const doc = parseSkill('SKILL.md', gateSkill('<check id="e"><command>test 1 -lt 2 &amp;&amp; echo &quot;a&apos;b&quot; &gt; out &lt; /dev/null &#38;&#x26; true</command></check>'));
    const decider = doc.model.safetyGates[0]!.checks[0]!.decider;
    expect(decider).toMatchObject({ kind: 'command', command: `test 1 -lt 2 && echo "a'b" > out < /dev/null && true` });
  });

  it('a gate check written with entities runs as the shell command it spells', async () => {
    const repo = await makeRepo({
      'shipgate.config.yaml': CONFIG(),
      '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="spelled"><command>test 1 -lt 2 &amp;&amp; echo &quot;it&apos;s decoded&quot; &gt; out.txt</command></check>'),
    });
    repos.push(repo);
    const result = await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY });
    expect(result.checks[0]).toMatchObject({ id: 'spelled', status: 'passed' });
    expect(await readFile(join(repo.root, 'out.txt'), 'utf8')).toBe("it's decoded\n");
  });
});
