// The sample app's own test (what the example gate runs): start it, ask /health, expect 200.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
const port = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const child = spawn(process.execPath, [join(here, 'server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
let ok = false;
for (let i = 0; i < 50 && !ok; i += 1) {
  await new Promise((r) => setTimeout(r, 100));
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
    ok = response.status === 200;
    if (!ok) { console.error(`/health answered ${response.status}`); break; }
  } catch {}
}
child.kill();
console.log(ok ? 'ok: /health answers 200' : 'FAIL: /health does not answer 200');
process.exit(ok ? 0 : 1);
