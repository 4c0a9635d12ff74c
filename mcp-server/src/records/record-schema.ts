/**
 * The deployment record's shape (records/deployment-record.ts writes it, render-record.ts renders it)
 * and the zod schema every record read goes through: a damaged record is named, never half-trusted.
 * Unknown keys are kept (passthrough), so a record written by a newer shipgate survives being marked
 * aborted by an older one.
 */
import { z } from 'zod';
import type { DeployFacts } from './deploy-context.js';

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
  /** Protection level in force when the deploy ran (shipgate doctor): guarded, signed or sandboxed. */
  protectionLevel?: string;
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
    /** The watch window after the rollback (environment rollback.watch; seed 001: the first hour). */
    watch?: { plannedMs: number; observedMs: number; verdict: 'healthy' | 'unhealthy' | 'aborted'; detail: string };
  };
  /**
   * For an aborted deploy: what the next shipgate command did about what it left behind (a canary with
   * traffic, a half switch): `restored` the last good release, `failed` to, or `manual` (says what to run).
   */
  recovery?: { at: string; status: 'restored' | 'failed' | 'manual' | 'not-needed'; detail: string; rollbackRecord?: string };
  /** Seed 000/003 facts gathered before the deploy (records/deploy-context.ts). */
  facts?: DeployFacts;
  /** Production's health before the deploy (health/baseline.ts), the monitor's reference. */
  baseline?: { errorRate: number; p95LatencyMs: number; samples: number; url: string };
  files: { markdown: string; json: string };
}

const releaseRefSchema = z.object({ version: z.string(), tag: z.string(), sha: z.string() }).passthrough();

const recordStepSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    description: z.string(),
    commands: z.array(z.array(z.string())).optional(),
    timeoutMs: z.number(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    status: z.enum(['pending', 'running', 'passed', 'failed', 'skipped']),
    detail: z.string().optional(),
  })
  .passthrough();

const measurementSchema = z.object({ at: z.string(), step: z.string(), name: z.string(), value: z.union([z.number(), z.string()]), threshold: z.string().optional(), ok: z.boolean() }).passthrough();

const checklistEntrySchema = z.object({ id: z.string(), status: z.string(), detail: z.string().optional(), attestedBy: z.string().optional(), evidence: z.string().optional() }).passthrough();

const communicationSchema = z
  .object({ at: z.string(), status: z.string(), command: z.array(z.string()), ok: z.boolean(), exitCode: z.number(), timedOut: z.boolean(), durationMs: z.number(), stdout: z.string(), stderr: z.string(), detail: z.string() })
  .passthrough();

export const deploymentRecordSchema = z
  .object({
    v: z.literal(1),
    id: z.string(),
    kind: z.enum(['deploy', 'rollback']),
    status: z.enum(['in_progress', 'succeeded', 'rolled_back', 'failed', 'aborted', 'blocked']),
    environment: z.string(),
    strategy: z.string(),
    provider: z.string(),
    version: z.string(),
    tag: z.string(),
    commit: z.string(),
    previous: releaseRefSchema.optional(),
    pid: z.number().int(),
    host: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    reason: z.string().optional(),
    protectionLevel: z.string().optional(),
    receipt: z.object({ id: z.string().optional(), issuedAt: z.string().optional(), checks: z.array(checklistEntrySchema) }).passthrough().optional(),
    changelogExcerpt: z.string().optional(),
    steps: z.array(recordStepSchema),
    measurements: z.array(measurementSchema),
    rollback: z
      .object({
        trigger: z.string(),
        monitorTrigger: z.object({ kind: z.string(), metric: z.string(), value: z.number(), threshold: z.number(), forMs: z.number() }).passthrough().optional(),
        startedAt: z.string(),
        finishedAt: z.string().optional(),
        steps: z.array(recordStepSchema),
        verified: z.boolean().optional(),
        detail: z.string().optional(),
        watch: z.object({ plannedMs: z.number(), observedMs: z.number(), verdict: z.enum(['healthy', 'unhealthy', 'aborted']), detail: z.string() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    recovery: z.object({ at: z.string(), status: z.enum(['restored', 'failed', 'manual', 'not-needed']), detail: z.string(), rollbackRecord: z.string().optional() }).passthrough().optional(),
    facts: z
      .object({
        productionUrl: z.string().optional(),
        releaseUrl: z.string().optional(),
        monitoringPlan: z.string(),
        rollbackCommand: z.string(),
        configChanges: z.array(z.string()).optional(),
        communications: z.array(communicationSchema),
      })
      .passthrough()
      .optional(),
    baseline: z.object({ errorRate: z.number(), p95LatencyMs: z.number(), samples: z.number(), url: z.string() }).passthrough().optional(),
    files: z.object({ markdown: z.string(), json: z.string() }).passthrough(),
  })
  .passthrough();
