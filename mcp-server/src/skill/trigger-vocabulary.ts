/**
 * The words a `<rollback_procedure>`'s `<condition>` may use, and which monitor setting each one drives
 * (deploy/monitor-rules.ts reads this table, the `trigger-vocabulary` validator rule checks skills
 * against it). A metric condition sets a monitor threshold (`above`/`below`) and a sustained duration
 * (`for`); an event condition names something that happens, and `migration_failure` needs a signal:
 * a `command` (repository content, run on every monitor tick; a non-zero exit is the event).
 *
 * Good: `<condition metric="latency_increase" above="0.1" for="5m">` (seed 003: latency +10% for 5 min).
 * Bad:  `<condition metric="error_rate" above="5">` (5 is 500%: fractions are written 0.05).
 */

/**
 * The monitor settings (config/environment-schema.ts monitorSchema) a condition may set. skill/ may not
 * import config/, so the names are spelled out here; deploy/monitor-rules.ts checks them against the schema.
 */
export type MonitorKey = 'maxErrorRate' | 'errorRateFor' | 'healthFailingFor' | 'maxErrorRateIncrease' | 'errorRateIncreaseFor' | 'maxLatencyIncrease' | 'latencyIncreaseFor' | 'failureLimit';

export interface TriggerMetric {
  summary: string;
  /** Monitor setting that `above` sets, and its unit. */
  above?: { key: MonitorKey; unit: 'fraction' | 'count' };
  /** Monitor setting that `for` sets. */
  for?: MonitorKey;
}

export const TRIGGER_METRICS: Record<string, TriggerMetric> = {
  error_rate: { summary: 'share of failed probes per tick (0.05 = 5%)', above: { key: 'maxErrorRate', unit: 'fraction' }, for: 'errorRateFor' },
  health_failing: { summary: 'critical health checks failing', for: 'healthFailingFor' },
  error_rate_increase: { summary: 'window error rate minus the pre-deploy baseline (0.01 = +1 point)', above: { key: 'maxErrorRateIncrease', unit: 'fraction' }, for: 'errorRateIncreaseFor' },
  latency_increase: { summary: 'p95 latency relative to the pre-deploy baseline (0.1 = +10%)', above: { key: 'maxLatencyIncrease', unit: 'fraction' }, for: 'latencyIncreaseFor' },
  consecutive_failures: { summary: 'monitor ticks failing in a row', above: { key: 'failureLimit', unit: 'count' } },
};

/** A metric condition may also name one of the environment's Prometheus queries: `metric="prometheus:checkout_5xx"`. */
export const PROMETHEUS_METRIC_PREFIX = 'prometheus:';

export const TRIGGER_EVENTS: Record<string, { summary: string; needsSignal?: boolean }> = {
  manual_abort: { summary: 'a human interrupts the deploy (Ctrl-C, the MCP cancel): the run stops and rolls back' },
  smoke_test_failure: { summary: 'a post-deploy smoke test fails (the smoke step)' },
  health_check_failure: { summary: 'a health step fails after a deploy action' },
  migration_failure: { summary: 'a database migration failed: `command` is run on every monitor tick, non-zero exit = failed', needsSignal: true },
};

export const TRIGGER_METRIC_NAMES = Object.keys(TRIGGER_METRICS);
export const TRIGGER_EVENT_NAMES = Object.keys(TRIGGER_EVENTS);
