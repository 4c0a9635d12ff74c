// Benchmark: what signing and verifying gate state (HMAC-SHA256, node:crypto, per-user key) adds to
// `gate` and `deploy`. Measured on the real modules (bundled with esbuild like the shipped server),
// with a real key file in a temp state folder. Median of 200 runs after warm-up; the cold key load
// (first read of the key file in a process) is shown on its own and counted once per command.
//   gate adds:   verify the attestations (20 lines) + verify the served history + sign the receipt
//   deploy adds: verify the receipt + verify the served history + sign the new served history
// Goal: each under 5 ms. Exits 1 when the goal is not met.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatTable } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-sign-'));
const env = { ...process.env, SHIPGATE_STATE_DIR: join(base, 'state') };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn) {
  const times = [];
  for (let i = 0; i < 5; i += 1) await fn();
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

try {
  const lib = join(base, 'sign.mjs');
  await build({
    stdin: { contents: "export { signState, hasValidSignature } from './mcp-server/src/state/signed-state.ts'; export { loadSigningKey, forgetSigningKeys } from './mcp-server/src/state/signing-key.ts';", resolveDir: ROOT, loader: 'ts' },
    outfile: lib, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
  });
  const { signState, hasValidSignature, loadSigningKey, forgetSigningKeys } = await import(pathToFileURL(lib).href);

  await loadSigningKey(env); // creates the key file
  // A command loads the key once per process: read the file again each time (no cache).
  const coldKey = await time(async () => {
    forgetSigningKeys();
    await loadSigningKey(env);
  });

  const receiptBody = { v: 2, id: '6f1c2b1e-4a7d-4c1e-9a51-0b7c1c8f0d11', commit: 'a'.repeat(40), environment: 'production', gateHash: 'b'.repeat(64), configHash: 'c'.repeat(64), issuedAt: '2026-11-18T10:00:00.000Z', expiresAt: '2026-11-18T10:30:00.000Z', checks: Array.from({ length: 12 }, (_, i) => ({ id: `check_${i}`, status: 'passed' })) };
  const receipt = await signState('receipt', receiptBody, env);
  const attestations = [];
  for (let i = 0; i < 20; i += 1) attestations.push(await signState('attestation', { v: 1, id: `id-${i}`, environment: 'production', checkId: `check_${i}`, commit: 'a'.repeat(40), by: 'Ada Lovelace', evidence: 'PR #12 approved by Ada and Bo'.repeat(3), at: '2026-11-18T10:00:00.000Z', via: 'cli' }, env));
  const served = Array.from({ length: 50 }, (_, i) => ({ version: `1.${i}.0`, tag: `v1.${i}.0`, sha: `${i}`.padStart(40, 'd'), at: '2026-11-18T10:00:00.000Z' }));
  const stateBody = { live: served.at(-1), liveColor: 'blue', served, gate: { gateHash: 'b'.repeat(64), configHash: 'c'.repeat(64), files: { 'gates/a/SKILL.md': 'e'.repeat(16) }, checks: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`check_${i}`, 'f'.repeat(16)])), config: { app: '1'.repeat(16), 'environments.production': '2'.repeat(16) } } };
  const state = await signState('environment-state', stateBody, env);

  const signReceipt = await time(() => signState('receipt', receiptBody, env));
  const verifyReceipt = await time(async () => { if (!(await hasValidSignature('receipt', receipt, env))) throw new Error('receipt did not verify'); });
  const verifyAttestations = await time(async () => { for (const a of attestations) if (!(await hasValidSignature('attestation', a, env))) throw new Error('attestation did not verify'); });
  const verifyState = await time(async () => { if (!(await hasValidSignature('environment-state', state, env))) throw new Error('state did not verify'); });
  const signStateMs = await time(() => signState('environment-state', stateBody, env));

  const gateAdds = coldKey + verifyAttestations + verifyState + signReceipt;
  const deployAdds = coldKey + verifyReceipt + verifyState + signStateMs;
  console.log(formatTable(['measure', 'median ms'], [
    ['cold key load (once per process)', coldKey.toFixed(3)],
    ['sign a receipt (12 checks)', signReceipt.toFixed(3)],
    ['verify a receipt', verifyReceipt.toFixed(3)],
    ['verify 20 attestation lines', verifyAttestations.toFixed(3)],
    ['verify served history (50 entries + gate fingerprint)', verifyState.toFixed(3)],
    ['sign served history', signStateMs.toFixed(3)],
    ['gate adds (key + attestations + history + receipt)', gateAdds.toFixed(3)],
    ['deploy adds (key + receipt + history + new history)', deployAdds.toFixed(3)],
  ]));
  const met = gateAdds < 5 && deployAdds < 5;
  console.log(`\ngoal: signing + verification add < 5 ms to gate and to deploy → ${met ? 'met' : 'NOT met'} (runs: ${RUNS})`);
  process.exitCode = met ? 0 : 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}
