/**
 * `environments.<name>:` provider, strategy, health, monitor, rollback. Owned by the deploy work
 * (deploy/, health/); gates and window belong to gates/.
 */
import { z } from 'zod';
import { durationSchema } from './duration-schema.js';
import { windowSchema } from './window-schema.js';

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
      manifests: z.string().optional(),
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

export const healthCheckSchema = z
  .object({
    name: z.string().optional(),
    path: z.string().min(1),
    status: z.number().int().default(200),
    bodyContains: z.string().optional(),
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
    interval: durationSchema.default('10s'),
    failureLimit: z.number().int().min(1).default(3),
    /** Roll back when the error rate is above this fraction for `errorRateFor` (seed 001: 5% for 2 minutes). */
    maxErrorRate: z.number().min(0).max(1).default(0.05),
    errorRateFor: durationSchema.default('2m'),
    /** Roll back when health keeps failing this long (seed 001: 5 minutes). */
    healthFailingFor: durationSchema.default('5m'),
    /** Against the pre-deploy baseline (seed 003: error rate up < 1%, latency up < 10%). */
    maxErrorRateIncrease: z.number().min(0).default(0.01),
    maxLatencyIncrease: z.number().min(0).default(0.1),
    /** A latency rise must also be at least this much in absolute terms (loopback jitter of 1 ms → 2 ms is no regression). */
    minLatencyIncrease: durationSchema.default('50ms'),
    prometheus: z.object({ url: z.string().url(), queries: z.array(prometheusQuerySchema).default([]) }).strict().optional(),
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
        smokeTests: z.string().optional().describe("path to seed 002's smoke-tests.json"),
        criticalEndpoints: z.number().int().min(0).optional(),
      })
      .strict()
      .default({}),
    monitor: monitorSchema.default({}),
    rollback: z.object({ automatic: z.boolean().default(true), timeout: durationSchema.default('5m') }).strict().default({}),
    window: windowSchema.optional(),
    /** Receipt lifetime for this environment (default 30 minutes). */
    receiptTtl: durationSchema.default('30m'),
  })
  .strict();
