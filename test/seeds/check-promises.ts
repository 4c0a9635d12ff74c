/**
 * Turns one seed's promise list into tests: a promise proven by a test must name a test that exists
 * (file and title), so the table in README cannot claim a proof that was renamed or deleted; a prose
 * promise must carry its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS } from './seed-promises.js';

const ROOT = join(import.meta.dirname, '..', '..');

export function describePromises(id: keyof typeof SEEDS): void {
  const seed = SEEDS[id];
  describe(`${seed.title}: every promise is proven or named as prose`, () => {
    for (const p of seed.promises) {
      const proof = p.proof;
      if (proof.kind === 'test') {
        it(`${p.promise} → ${p.where} (proof: ${proof.file})`, () => {
          const text = readFileSync(join(ROOT, proof.file), 'utf8');
          expect(text, `${proof.file} has a test whose title contains "${proof.test}"`).toMatch(new RegExp(`(?:it|test)\\(\\s*['"\`][^\\n]*${escape(proof.test)}`));
        });
      } else if (proof.kind === 'prose') {
        it(`deliberately prose: ${p.promise} (${proof.reason})`, () => {
          expect(proof.reason.length).toBeGreaterThan(20);
        });
      }
    }
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "\\\\?'");
}
