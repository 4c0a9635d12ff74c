/**
 * The run log, `<state>/runs.jsonl`: what shipgate refused to trust (an unsigned receipt, a forged
 * attestation line) and when, one JSON line each. Best effort: a refusal never depends on logging it.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { statePaths } from '../project/state-dir.js';

export interface RunLogEntry {
  event: 'state-refused';
  file: string;
  reason: string;
}

export async function appendRunLog(projectRoot: string, entry: RunLogEntry, env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<void> {
  const file = statePaths(projectRoot, env).runLog;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await appendFile(file, `${JSON.stringify({ at: now.toISOString(), ...entry })}\n`, 'utf8');
  } catch {
    // see above: logging is best effort
  }
}
