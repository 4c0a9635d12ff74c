/**
 * The skill's `<trigger_conditions>` drive the monitor (issue #14.1). Precedence, per setting:
 * a value written in shipgate.config.yaml's `monitor:` wins, else the gate skill's condition, else the
 * schema default. `resolveMonitorRules` is pure (config, the keys the config spells out, conditions →
 * the monitor to run, where each rule came from, the event signals to watch); `loadMonitorRules` reads
 * the files. The plan shows the result, so nobody has to guess which threshold is live.
 *
 * Good: skill `<condition metric="latency_increase" above="0.1" for="5m">`, config silent →
 *       maxLatencyIncrease 0.1 and latencyIncreaseFor 5m, both "skill production-gate:131".
 * Bad:  editing `above="0.05"` in the skill and the deploy still using the config default.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { MonitorConfig } from '../health/monitor.js';
import type { TriggerCondition } from '../skill/model.js';
import { PROMETHEUS_METRIC_PREFIX, TRIGGER_EVENTS, TRIGGER_METRICS, type MonitorKey } from '../skill/trigger-vocabulary.js';
import { formatDuration } from '../util/duration.js';

export interface SkillCondition extends TriggerCondition {
  /** `production-gate/SKILL.md:134`: where the condition is written. */
  where: string;
}

export interface MonitorRule {
  setting: string;
  value: string;
  source: 'config' | 'skill' | 'default';
  where?: string;
}

/** An event the monitor watches by running a repository command each tick (non-zero exit = it happened). */
export interface MonitorSignal {
  event: string;
  command: string;
  where: string;
}

export interface ResolvedMonitorRules {
  monitor: MonitorConfig;
  rules: MonitorRule[];
  signals: MonitorSignal[];
}

/** The skill vocabulary's monitor keys; the constraint fails to compile if one is not a monitor setting. */
type KeysOf<T, K extends keyof T> = K;
type Settable = KeysOf<MonitorConfig, MonitorKey>;
const DURATIONS = new Set<string>(['errorRateFor', 'healthFailingFor', 'errorRateIncreaseFor', 'latencyIncreaseFor']);

/**
 * `explicit` holds the monitor keys the config file spells out (`maxErrorRate`), and for Prometheus
 * queries `prometheus:<name>.<above|below|for>`.
 */
export function resolveMonitorRules(config: MonitorConfig, explicit: ReadonlySet<string>, conditions: readonly SkillCondition[]): ResolvedMonitorRules {
  const monitor: MonitorConfig = { ...config, ...(config.prometheus ? { prometheus: { ...config.prometheus, queries: config.prometheus.queries.map((q) => ({ ...q })) } } : {}) };
  const fromSkill = new Map<string, string>();
  const signals: MonitorSignal[] = [];
  const set = (key: Settable, value: number, where: string) => {
    if (explicit.has(key)) return;
    (monitor as Record<Settable, number>)[key] = value;
    fromSkill.set(key, where);
  };
  for (const condition of conditions) {
    if (condition.event && condition.command?.trim() && TRIGGER_EVENTS[condition.event]) signals.push({ event: condition.event, command: condition.command.trim(), where: condition.where });
    if (!condition.metric) continue;
    if (condition.metric.startsWith(PROMETHEUS_METRIC_PREFIX)) {
      const query = monitor.prometheus?.queries.find((q) => q.name === condition.metric!.slice(PROMETHEUS_METRIC_PREFIX.length));
      if (!query) continue;
      for (const field of ['above', 'below', 'for'] as const) {
        const value = field === 'for' ? condition.forMs : condition[field];
        if (value === undefined || explicit.has(`${condition.metric}.${field}`)) continue;
        query[field] = value;
        fromSkill.set(`${condition.metric}.${field}`, condition.where);
      }
      continue;
    }
    const spec = TRIGGER_METRICS[condition.metric];
    if (!spec) continue;
    if (spec.above && condition.above !== undefined) set(spec.above.key as Settable, condition.above, condition.where);
    if (spec.for && condition.forMs !== undefined) set(spec.for as Settable, condition.forMs, condition.where);
  }
  const settings = new Set<string>(Object.values(TRIGGER_METRICS).flatMap((spec) => [spec.above?.key, spec.for].filter((k): k is NonNullable<typeof k> => k !== undefined)));
  const rules: MonitorRule[] = [...settings].map((setting) => {
    const raw = (monitor as unknown as Record<string, number>)[setting]!;
    const value = DURATIONS.has(setting) ? formatDuration(raw) : String(raw);
    const where = fromSkill.get(setting);
    return { setting, value, source: explicit.has(setting) ? 'config' : where ? 'skill' : 'default', ...(where ? { where } : {}) };
  });
  for (const [key, where] of fromSkill) if (key.startsWith(PROMETHEUS_METRIC_PREFIX)) rules.push({ setting: key, value: String(key.endsWith('.for') ? formatDuration(Number(lookupQuery(monitor, key))) : lookupQuery(monitor, key)), source: 'skill', where });
  return { monitor, rules, signals };
}

function lookupQuery(monitor: MonitorConfig, key: string): number | undefined {
  const [metric, field] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1) as 'above' | 'below' | 'for'];
  return monitor.prometheus?.queries.find((q) => `${PROMETHEUS_METRIC_PREFIX}${q.name}` === metric)?.[field];
}

/** "Monitor rules (config > skill > default): maxErrorRate 0.05 (skill production-gate/SKILL.md:134), ..." */
export function describeMonitorRules(resolved: ResolvedMonitorRules): string {
  const rules = resolved.rules.map((r) => `${r.setting} ${r.value} (${r.source === 'skill' ? `skill ${r.where}` : r.source})`).join(', ');
  const signals = resolved.signals.map((s) => `${s.event}: \`${s.command}\` each tick (skill ${s.where})`).join(', ');
  return `Monitor rules (config > skill > default): ${rules}${signals ? `; watched events: ${signals}` : ''}.`;
}

/** The monitor keys the config file writes out for this environment (the YAML as written, not the parsed defaults). */
export async function explicitMonitorKeys(configPath: string | null, environment: string): Promise<Set<string>> {
  const keys = new Set<string>();
  if (!configPath) return keys;
  let raw: unknown;
  try {
    raw = parse(await readFile(configPath, 'utf8'));
  } catch {
    return keys; // loadConfig already parsed this file; a read failure here only loses the precedence detail.
  }
  const monitor = (raw as { environments?: Record<string, { monitor?: Record<string, unknown> }> } | null)?.environments?.[environment]?.monitor;
  if (!monitor || typeof monitor !== 'object') return keys;
  for (const key of Object.keys(monitor)) keys.add(key);
  const queries = (monitor.prometheus as { queries?: Array<Record<string, unknown>> } | undefined)?.queries ?? [];
  for (const query of queries) for (const field of ['above', 'below', 'for']) if (field in query && typeof query.name === 'string') keys.add(`${PROMETHEUS_METRIC_PREFIX}${query.name}.${field}`);
  return keys;
}

/** Every gate skill's conditions for the environment, with where they are written. */
export async function loadMonitorRules(projectRoot: string, environment: string, config: MonitorConfig, env?: NodeJS.ProcessEnv): Promise<ResolvedMonitorRules> {
  const { loadConfig } = await import('../config/load-config.js');
  const { gateSettings } = await import('../gates/gate-settings.js');
  const { parseGateFiles, resolveGateFiles } = await import('../gates/load-gate-skills.js');
  const loaded = await loadConfig(projectRoot);
  const files = await resolveGateFiles(projectRoot, gateSettings(loaded, environment).gates, env);
  const documents = await parseGateFiles(files);
  const conditions: SkillCondition[] = documents.flatMap((document, index) =>
    document.model.rollbackProcedures.flatMap((procedure) => procedure.triggerConditions.map((condition) => ({ ...condition, where: `${files[index]!.displayPath}:${condition.position.line}` }))),
  );
  return resolveMonitorRules(config, await explicitMonitorKeys(loaded.path, environment), conditions);
}
