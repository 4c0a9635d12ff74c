/**
 * Seed 000's deployment record: `<records.dir>/deployment-<release>-<date>.md` with a JSON sibling, for
 * every deploy and rollback. Written `in_progress` at the start and rewritten after every step, so a
 * crash leaves the truth on disk; the next start marks records whose process is gone as `aborted`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isProcessAlive } from '../util/process-alive.js';
import { renderRecordMarkdown } from './render-record.js';
import { deploymentRecordSchema, type DeploymentRecord } from './record-schema.js';
import { parseStateText } from '../util/state-file.js';
import { redactDeep, redactOutput } from '../util/redact-secrets.js';
import { isDeployRunningHere } from './running-deploys.js';
import { compareText } from '../util/compare-text.js';
import { atPath } from '../errors.js';
import { ensureStillReal } from '../util/paths.js';

export type { DeploymentRecord, RecordMeasurement, RecordStep } from './record-schema.js';

/** A free `deployment-<release>-<date>` name (suffix -2, -3 ... when the same release ran that day). */
export async function allocateRecordPaths(recordsDir: string, release: string, date: Date): Promise<{ markdown: string; json: string }> {
  const day = date.toISOString().slice(0, 10);
  const safe = release.replace(/[^0-9A-Za-z._-]/g, '_');
  for (let n = 1; n < 1000; n += 1) {
    const stem = join(recordsDir, `deployment-${safe}-${day}${n === 1 ? '' : `-${n}`}`);
    try {
      await stat(`${stem}.json`);
    } catch {
      try {
        await stat(`${stem}.md`);
      } catch {
        return { markdown: `${stem}.md`, json: `${stem}.json` };
      }
    }
  }
  throw new Error(`too many records for ${release} on ${day}`);
}

export function newRecord(fields: Omit<DeploymentRecord, 'v' | 'pid' | 'host' | 'status' | 'steps' | 'measurements'> & Partial<Pick<DeploymentRecord, 'steps'>>): DeploymentRecord {
  return { v: 1, pid: process.pid, host: hostname(), status: 'in_progress', measurements: [], steps: [], ...fields };
}

export async function writeRecord(record: DeploymentRecord): Promise<void> {
  // The folder was resolved after realpath when the command started; a link swapped in since (a long
  // monitor window is time enough) would carry this write out of the project.
  await ensureStillReal(dirname(record.files.json), 'records.dir');
  // JSON first: it is the machine truth; the Markdown is rendered from it.
  // Provider output and messages end up here: secrets are redacted before anything is stored.
  await writeFileAtomic(record.files.json, `${JSON.stringify(redactDeep(record), null, 2)}\n`);
  await writeFileAtomic(record.files.markdown, redactOutput(renderRecordMarkdown(record)));
}

export async function readRecords(recordsDir: string): Promise<DeploymentRecord[]> {
  let names: string[];
  try {
    names = await readdir(recordsDir);
  } catch (error) {
    // No folder yet: no records. Any other failure hides records (an aborted deploy among them): say so.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: DeploymentRecord[] = [];
  for (const name of names.filter((n) => /^deployment-.*\.json$/.test(n))) {
    // The name is shipgate's: a damaged one could hide an aborted deploy, so it is an error naming the file.
    const file = join(recordsDir, name);
    const record: DeploymentRecord = parseStateText(file, await readFile(file, 'utf8').catch(atPath(file)), deploymentRecordSchema, {
      what: 'A deployment record',
      hint: `Restore it from git (\`git checkout -- ${file}\`) or move it out of ${recordsDir}; the Markdown sibling is the human-readable copy.`,
    });
    // Where the record lives is where it was read, never what its (editable) JSON says: markAbortedRecords
    // rewrites it, and a forged `files.json: ~/.bashrc` must not send that write outside the records folder.
    record.files = { json: file, markdown: `${file.slice(0, -'.json'.length)}.md` };
    records.push(record);
  }
  return records.sort((a, b) => compareText(a.startedAt, b.startedAt));
}

/** The exact command that puts the last good release back with full traffic after `record` was aborted. */
export function restoreCommand(record: DeploymentRecord): string {
  const to = record.kind === 'deploy' ? record.previous : { version: record.version };
  return `shipgate rollback --env ${record.environment}${to ? ` --to ${to.version}` : ''} --reason "aborted ${record.kind} ${record.id}"`;
}

/** Mark in-progress records whose process is gone as aborted. Returns the records it changed. */
export async function markAbortedRecords(recordsDir: string, now = new Date()): Promise<DeploymentRecord[]> {
  const changed: DeploymentRecord[] = [];
  for (const record of await readRecords(recordsDir)) {
    if (record.status !== 'in_progress') continue;
    if (record.host === hostname() && isProcessAlive(record.pid) && record.pid !== process.pid) continue;
    // This process's own deploy, still watching its monitor after the tool answered: alive, not aborted.
    if (record.pid === process.pid && isDeployRunningHere(record.environment)) continue;
    if (record.host !== hostname()) continue;
    record.status = 'aborted';
    record.finishedAt = now.toISOString();
    for (const step of record.steps) if (step.status === 'running') Object.assign(step, { status: 'failed', detail: 'process ended during this step', finishedAt: record.finishedAt });
    record.reason = `${record.reason ? `${record.reason}; ` : ''}the shipgate process (pid ${record.pid}) ended before the ${record.kind} finished; marked aborted at ${record.finishedAt}. The next deploy of ${record.environment} restores the last good release first; to do it now: \`${restoreCommand(record)}\``;
    await writeRecord(record);
    changed.push(record);
  }
  return changed;
}
