/**
 * Pure: the lessons as structured data, for `learnings_get`, `shipgate learnings show --json`, the MCP
 * resource and the SessionStart hook. `top` are the pitfalls actually seen, most relevant first.
 *
 * Good: `{ top: [{ id: 'missing_git_tag', frequency: '★★☆☆☆ (2/5)', lastSeen: '2026-…' }] }`.
 * Bad:  listing never-seen catalog pitfalls as "top" lessons.
 */
import type { CatalogEntry } from './catalog-entry.js';
import { printable } from '../errors.js';
import type { RunEvent } from './event.js';
import { analyzeLearnings, type LearningsAnalysis } from './analysis.js';
import type { Metric } from './metrics.js';
import { formatFrequency, type PitfallStat } from './pitfall-stats.js';

export interface PitfallSummary extends PitfallStat {
  frequency: string;
}

export interface LearningsSummary {
  /** Gate, bump, deploy and rollback runs recorded. */
  runs: number;
  /** Lessons humans recorded (retrospects). */
  lessons: number;
  events: number;
  pitfalls: PitfallSummary[];
  top: PitfallSummary[];
  metrics: Metric[];
  sparkline: string;
  updated?: string;
  /** The newest production deploy, so the next session knows how the last one ended. */
  lastDeploy?: { at: string; version?: string; outcome: string; rollbackTrigger?: string };
}

export function summarizeLearnings(events: readonly RunEvent[], catalog: readonly CatalogEntry[], topCount = 3): LearningsSummary {
  return summarizeAnalysis(analyzeLearnings(events, catalog), topCount);
}

export function summarizeAnalysis(analysis: LearningsAnalysis, topCount = 3): LearningsSummary {
  const { state, metrics } = analysis;
  const pitfalls = analysis.stats.map((stat) => ({ ...stat, frequency: formatFrequency(stat) }));
  const last = state.production.last;
  const lastDeploy = last ? { at: last.at, version: last.version, outcome: last.outcome, rollbackTrigger: last.rollbackTrigger } : undefined;
  return {
    runs: state.runs,
    lessons: state.lessons,
    events: state.events,
    pitfalls,
    top: pitfalls.filter((p) => p.count > 0).slice(0, topCount),
    metrics: metrics.metrics,
    sparkline: metrics.sparkline,
    updated: state.updated,
    lastDeploy,
  };
}

/** "3 recorded runs and 1 lesson": what the numbers below come from, never "0 runs" above a pitfall. */
export function describeSources(summary: Pick<LearningsSummary, 'runs' | 'lessons'>): string {
  const runs = `${summary.runs} recorded run${summary.runs === 1 ? '' : 's'}`;
  if (summary.lessons === 0) return runs;
  const lessons = `${summary.lessons} recorded lesson${summary.lessons === 1 ? '' : 's'}`;
  return summary.runs === 0 ? lessons : `${runs} and ${summary.lessons} lesson${summary.lessons === 1 ? '' : 's'}`;
}

/**
 * A few lines for the SessionStart hook and learnings_get: the top pitfalls of this repository. The
 * text carries a trigger from the events (tool output, merged by hand): control characters are shown.
 */
export function formatTopPitfalls(summary: LearningsSummary): string {
  return printable(topPitfallsText(summary));
}

function topPitfallsText(summary: LearningsSummary): string {
  const last = summary.lastDeploy;
  const lastLine = last
    ? `Last production deploy: ${last.version ? `${last.version} ` : ''}${last.outcome.replace('_', ' ')} on ${last.at.slice(0, 10)}${last.rollbackTrigger ? ` (trigger: ${last.rollbackTrigger.replace(/\s+/g, ' ').slice(0, 120)})` : ''}.`
    : '';
  if (summary.top.length === 0) {
    return `shipgate lessons: ${describeSources(summary)}, no pitfall seen yet.${lastLine ? ` ${lastLine}` : ''}\n`;
  }
  const lines = [`shipgate lessons from ${describeSources(summary)} in this repository (top pitfalls):`];
  for (const p of summary.top) {
    const prevention = p.prevention ? ` Prevent: ${firstLine(p.prevention)}` : '';
    lines.push(`- ${p.title} ${p.frequency}, last seen ${p.lastSeen?.slice(0, 10) ?? 'never'}.${prevention}`);
  }
  if (lastLine) lines.push(lastLine);
  lines.push('Full lessons: `shipgate learnings show` or the learnings_get tool.');
  return `${lines.join('\n')}\n`;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.replace(/^\s*(\d+\.|[-*])\s*/, '').slice(0, 160);
}
