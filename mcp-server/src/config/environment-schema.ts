/**
 * `environments.<name>:` provider, strategy, health, monitor, rollback. Owned by the deploy work
 * (deploy/, health/); gates and window belong to gates/.
 */
import { z } from 'zod';
import { projectPathSchema } from './project-path-schema.js';
import type { STRATEGY_TYPES } from './names.js';
import { durationSchema } from './duration-schema.js';
import { windowSchema } from './window-schema.js';
import { notifySchema } from './notify-schema.js';

const argv = z.array(z.string()).min(1).describe('argument vector; placeholders {version} {tag} {sha} {weight} {color}');

export const providerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('git-push'), remote: z.string().default('origin'), branch: z.string().default('production') }).strict(),
  z
    .object({
      type: z.literal('command'),
      deploy: argv,
      traffic: argv.optional(),
      promote: argv.optional(),
      undo: argv.optional(),
      status: argv.optional(),
      timeout: durationSchema.default('10m'),
    })
    .strict(),
  z
    .object({
      type: z.literal('kubernetes'),
      context: z.string().min(1),
      namespace: z.string().min(1),
      deployment: z.string().min(1),
      container: z.string().optional(),
      image: z.string().optional().describe('image with {version} placeholder, e.g. registry/app:{version}'),
      manifests: projectPathSchema().optional(),
      service: z.string().optional(),
      ingress: z.string().optional(),
      rolloutTimeout: durationSchema.default('5m'),
    })
    .strict(),
]);

export const strategySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rolling') }).strict(),
  z
    .object({
      type: z.literal('recreate'),
      /** Seed 002: recreate (stop all, then start) is for dev/staging; production must opt in explicitly. */
      allowProduction: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('blue-green'), scaleDownDelay: durationSchema.default('30s') }).strict(),
  z
    .object({
      type: z.literal('canary'),
      steps: z
        .array(z.object({ weight: z.number().int().min(0).max(100), pause: durationSchema.default('30s') }).strict())
        .min(1)
        .default([{ weight: 10, pause: '30s' }, { weight: 50, pause: '30s' }, { weight: 100, pause: 0 }]),
    })
    .strict(),
]);

/** The schema's strategy types are exactly config/names.ts's STRATEGY_TYPES (checked when compiling). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const strategiesMatch: Same<z.output<typeof strategySchema>['type'], (typeof STRATEGY_TYPES)[number]> = true;
void strategiesMatch;

export const healthCheckSchema = z
  .object({
    name: z.string().optional(),
    path: z.string().min(1),
    status: z.number().int().default(200),
    bodyContains: z.string().optional().describe('text the body must contain; {version} is the release just shipped'),
    /** Key paths of a JSON body and the value each must have: `{ version: "{version}" }` verifies what production runs. */
    json: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(),
    maxLatency: durationSchema.optional(),
    timeout: durationSchema.default('5s'),
    retries: z.number().int().min(0).default(2),
    critical: z.boolean().default(true),
  })
  .strict();

export const prometheusQuerySchema = z
  .object({
    name: z.string().min(1),
    query: z.string().min(1),
    above: z.number().optional(),
    below: z.number().optional(),
    for: durationSchema.default(0),
  })
  .strict();

export const monitorSchema = z
  .object({
    duration: durationSchema.default('30m'),
    /** At least 10 ms: `0s` probed production (and Prometheus) in a tight loop and made failureLimit mean "3 probes in a few ms". */
    interval: durationSchema.default('10s').refine((ms) => ms >= 10, { message: 'expected an interval of at least 10ms (e.g. "10s"); 0 would probe production in a tight loop' }),
    failureLimit: z.number().int().min(1).default(3),
    /** Roll back when the error rate is above this fraction for `errorRateFor` (seed 001: 5% for 2 minutes). */
    maxErrorRate: z.number().min(0).max(1).default(0.05),
    errorRateFor: durationSchema.default('2m'),
    /** Roll back when health keeps failing this long (seed 001: 5 minutes). */
    healthFailingFor: durationSchema.default('5m'),
    /** Against the pre-deploy baseline (seed 003: error rate up < 1%, latency up < 10%). */
    maxErrorRateIncrease: z.number().min(0).default(0.01),
    /** How long the error-rate increase must hold (0: as soon as the window's rate is over, from the 3rd tick). */
    errorRateIncreaseFor: durationSchema.default(0),
    maxLatencyIncrease: z.number().min(0).default(0.1),
    /** A latency rise must also be at least this much in absolute terms (loopback jitter of 1 ms → 2 ms is no regression). */
    minLatencyIncrease: durationSchema.default('50ms'),
    /** ...and hold this long without a break (seed 003: "latency +10% for 5 minutes"); one slow tick on a busy machine is noise. */
    latencyIncreaseFor: durationSchema.default('5m'),
    /**
     * A tick whose Prometheus query failed or whose probe got no answer is a miss, never a healthy tick.
     * After `after` misses in a row (or when the window ends on a miss): `rollback` (default), or `hold`
     * (stop where the rollout is, roll nothing back, and ask a human to decide).
     */
    missingData: z
      .object({ after: z.number().int().min(1).default(3), action: z.enum(['rollback', 'hold']).default('rollback') })
      .strict()
      .default({}),
    prometheus: z.object({ url: z.string().url(), queries: z.array(prometheusQuerySchema).default([]) }).strict().optional(),
    /**
     * Seed 001's "logs show no errors": a repository command printing recent log lines (e.g.
     * `kubectl logs deploy/app --since=1m`), run every tick; more than `maxMatches` lines matching
     * `errorPattern` (case-insensitive) roll back; a command that fails is a miss (missingData).
     */
    logs: z
      .object({ command: z.string().min(1), errorPattern: z.string().min(1).default('\\b(error|fatal|panic|exception)\\b'), maxMatches: z.number().int().min(0).default(0) })
      .strict()
      .optional(),
  })
  .strict();

export const environmentSchema = z
  .object({
    /** Gate skills (paths relative to the project, or names of shipgate's bundled skills). */
    gates: z.array(z.string().min(1)).default([]),
    url: z.string().url().optional(),
    /** Where the new release answers before it takes traffic (blue-green idle color, canary); `{color}` is replaced. */
    previewUrl: z.string().min(1).optional(),
    branch: z.string().optional(),
    provider: providerSchema,
    strategy: strategySchema.default({ type: 'rolling' }),
    health: z
      .object({
        checks: z.array(healthCheckSchema).default([]),
        smokeTests: projectPathSchema().optional().describe("path to seed 002's smoke-tests.json"),
        criticalEndpoints: z.number().int().min(0).optional(),
      })
      .strict()
      .default({}),
    monitor: monitorSchema.default({}),
    rollback: z
      .object({
        automatic: z.boolean().default(true),
        timeout: durationSchema.default('5m'),
        /** Seed 001's "enhanced monitoring for the first hour after a rollback": watch production this long after an automatic rollback (0 = off). */
        watch: durationSchema.default(0),
      })
      .strict()
      .default({}),
    window: windowSchema.optional(),
    /** This environment's stakeholder notification; replaces the top-level `notify:` (`on: []` turns it off here). */
    notify: notifySchema.optional(),
    /** Receipt lifetime for this environment (default 30 minutes). */
    receiptTtl: durationSchema.default('30m'),
  })
  .strict();
