/** Entry point for the SIGKILL test: `node kill-entry.js <root> [--push]` runs a real bump in its own process. */
import { runBump } from '../../mcp-server/src/release/run-bump.js';

const [root, flag] = process.argv.slice(2);
if (!root) throw new Error('usage: kill-entry <root> [--push]');
await runBump(root, { bump: 'auto', dryRun: false, push: flag === '--push', now: new Date(), skipLearnings: true });
process.stdout.write('released\n');
