// Drives the local platform (router.mjs) from shipgate's `command` provider, one argv per action:
//   node examples/platform/ctl.mjs deploy {color} {sha}     start a release in a slot
//   node examples/platform/ctl.mjs weight {color} {weight}  traffic for a candidate (blue/green: switch)
//   node examples/platform/ctl.mjs promote {color}          canary → primary; blue/green → retire the other
//   node examples/platform/ctl.mjs undo {color} {sha}       remove the canary / put a release back
//   node examples/platform/ctl.mjs status                   what serves now
// The platform's URL comes from PLATFORM_URL or .platform/url in the project folder: shipgate runs this
// script from a clean checkout of the release and names the real project folder in SHIPGATE_PROJECT_ROOT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [action, color, value] = process.argv.slice(2);
const base = (process.env.PLATFORM_URL ?? readFileSync(join(process.env.SHIPGATE_PROJECT_ROOT ?? process.cwd(), '.platform', 'url'), 'utf8')).trim();
const body = action === 'weight' ? { color, weight: Number(value) } : { color, sha: value };
const response = await fetch(`${base}/__admin/${action}`, { method: action === 'status' ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: action === 'status' ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
const answer = await response.json();
if (!answer.ok) {
  process.stderr.write(`platform refused ${action}: ${answer.error}\n`);
  process.exit(1);
}
process.stdout.write(action === 'status' ? `${answer.status.live ? `serving ${answer.status.live.version} (${answer.status.live.sha})` : 'serving nothing'}\n` : `${action} ok\n`);
