/**
 * README's "Seed promises" table is generated from seed-promises.ts, like docs/rules.md from the rule
 * registry. Regenerate with `SHIPGATE_UPDATE_README=1 npx vitest run test/seeds/readme-table.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderSeedTable } from './seed-promises.js';

const README = join(import.meta.dirname, '..', '..', 'README.md');
const START = '<!-- seed-promises:start (generated from test/seeds/seed-promises.ts) -->';
const END = '<!-- seed-promises:end -->';

it('README lists every seed promise, where it is enforced and its proof', () => {
  const text = readFileSync(README, 'utf8');
  const expected = `${START}\n${renderSeedTable()}\n${END}`;
  if (process.env.SHIPGATE_UPDATE_README === '1') {
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    writeFileSync(README, start >= 0 && end > start ? `${text.slice(0, start)}${expected}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n## Seed promises\n\n${expected}\n`);
  }
  const current = readFileSync(README, 'utf8');
  expect(current).toContain(expected);
});
