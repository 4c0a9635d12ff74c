/**
 * Seed 000's deployment record: `<records.dir>/deployment-<release>-<date>.md` with a JSON sibling, for
 * every deploy and rollback. Written `in_progress` at the start and rewritten after every step, so a
 * crash leaves the truth on disk; the next start marks records whose process is gone as `aborted`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isProcessAlive } from '../util/process-alive.js';
import { renderRecordMarkdown } from './render-record.js';

export type RecordStatus = 'in_progress' | 'succeeded' | 'rolled_back' | 'failed' | 'aborted' | 'blocked';

export interface RecordStep {
  id: string;
  kind: string;
  description: string;
  commands?: string[][];
  timeoutMs: number;
  startedAt?: string;
  finishedAt?: string;
  status: 'pending' | 'running' | 'passed' | 'failed' | 'skipped';
  detail?: string;
}

export interface RecordMeasurement {
  at: string;
  step: string;
  name: string;
  value: number | string;
  threshold?: string;
  ok: boolean;
}

export interface GateChecklistEntry {
  id: string;
  status: string;
  detail?: string;
  attestedBy?: string;
  evidence?: string;
}

export interface DeploymentRecord {
  v: 1;
  id: string;
  kind: 'deploy' | 'rollback';
  status: RecordStatus;
  environment: string;
  strategy: string;
  provider: string;
  version: string;
  tag: string;
  commit: string;
  previous?: { version: string; tag: string; sha: string };
  pid: number;
  host: string;
  startedAt: string;
  finishedAt?: string;
  reason?: string;
  receipt?: { id?: string; issuedAt?: string; checks: GateChecklistEntry[] };
  changelogExcerpt?: string;
  steps: RecordStep[];
  measurements: RecordMeasurement[];
  rollback?: {
    trigger: string;
    /** The monitor rule that fired, when the monitor window triggered the rollback (health/monitor.ts). */
    monitorTrigger?: { kind: string; metric: string; value: number; threshold: number; forMs: number };
    startedAt: string;
    finishedAt?: string;
    steps: RecordStep[];
    verified?: boolean;
    detail?: string;
  };
  /** Seed 000/003 facts gathered before the deploy (records/deploy-context.ts). */
  facts?: import('./deploy-context.js').DeployFacts;
  /** Production's health before the deploy (health/baseline.ts), the monitor's reference. */
  baseline?: { errorRate: number; p95LatencyMs: number; samples: number; url: string };
  files: { markdown: string; json: string };
}

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
  // JSON first: it is the machine truth; the Markdown is rendered from it.
  await writeFileAtomic(record.files.json, `${JSON.stringify(record, null, 2)}\n`);
  await writeFileAtomic(record.files.markdown, renderRecordMarkdown(record));
}

export async function readRecords(recordsDir: string): Promise<DeploymentRecord[]> {
  let names: string[];
  try {
    names = await readdir(recordsDir);
  } catch {
    return [];
  }
  const records: DeploymentRecord[] = [];
  for (const name of names.filter((n) => /^deployment-.*\.json$/.test(n))) {
    try {
      const parsed = JSON.parse(await readFile(join(recordsDir, name), 'utf8')) as DeploymentRecord;
      if (parsed.v === 1 && typeof parsed.id === 'string') records.push(parsed);
    } catch {
      // A foreign or damaged file is not ours to judge here; `history` lists what parses.
    }
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Mark in-progress records whose process is gone as aborted. Returns the records it changed. */
export async function markAbortedRecords(recordsDir: string, now = new Date()): Promise<DeploymentRecord[]> {
  const changed: DeploymentRecord[] = [];
  for (const record of await readRecords(recordsDir)) {
    if (record.status !== 'in_progress') continue;
    if (record.host === hostname() && isProcessAlive(record.pid) && record.pid !== process.pid) continue;
    if (record.host !== hostname()) continue;
    record.status = 'aborted';
    record.finishedAt = now.toISOString();
    for (const step of record.steps) if (step.status === 'running') Object.assign(step, { status: 'failed', detail: 'process ended during this step', finishedAt: record.finishedAt });
    record.reason = `${record.reason ? `${record.reason}; ` : ''}the shipgate process (pid ${record.pid}) ended before the ${record.kind} finished; marked aborted at ${record.finishedAt}. Check what serves now (\`shipgate health --env ${record.environment}\`) and clear what the run left behind with \`shipgate rollback --env ${record.environment} --reason "aborted deploy"\``;
    await writeRecord(record);
    changed.push(record);
  }
  return changed;
}
