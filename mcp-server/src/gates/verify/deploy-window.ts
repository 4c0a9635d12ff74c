/**
 * `deploy-window`: now (injected clock) is allowed by the project's window policy, read in its time
 * zone: deny rules by weekday and hours (default: Friday 12:00–23:59), holidays, and the day before a
 * holiday. Only a human attestation with a reason (check `deploy_window_override`) overrides a denial.
 *
 * Good: `<verify kind="deploy-window"/>` with `window: { timezone: Europe/Berlin, holidays: [2026-12-25] }`
 * Bad:  deploying at 16:00 on a Friday because the model said "it's urgent".
 */
import { windowSchema } from '../../config/window-schema.js';
import { resolveAttestation } from '../resolve-attestation.js';
import { WINDOW_OVERRIDE_CHECK } from '../attestations.js';
import type { VerifyKind } from './verify-kind.js';
import type { z } from 'zod';

type WindowPolicy = z.infer<typeof windowSchema>;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface LocalTime {
  date: string;
  day: (typeof DAYS)[number];
  time: string;
}

/** Wall-clock date, weekday and HH:MM of an instant in a time zone (Intl, no extra dependency). */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const day = DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
  return { date, day, time: `${get('hour')}:${get('minute')}` };
}

/** Why the policy denies this instant, or null when deploying is allowed. Pure. */
export function windowDenial(policy: WindowPolicy, instant: Date): string | null {
  const local = localTime(instant, policy.timezone);
  for (const rule of policy.deny) {
    // A rule like 22:00–06:00 wraps past midnight (the early hours count for the listed day too).
    const inHours = rule.from <= rule.to ? local.time >= rule.from && local.time <= rule.to : local.time >= rule.from || local.time <= rule.to;
    if (rule.days.includes(local.day) && inHours) {
      return `${local.day} ${local.date} ${local.time} (${policy.timezone}) is inside the denied window ${rule.days.join(',')} ${rule.from}–${rule.to}${rule.reason ? `: ${rule.reason}` : ''}`;
    }
  }
  if (policy.holidays.includes(local.date)) return `${local.date} is a holiday in the window policy (${policy.timezone})`;
  if (policy.denyBeforeHolidays) {
    const next = new Date(`${local.date}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const tomorrow = next.toISOString().slice(0, 10);
    if (policy.holidays.includes(tomorrow)) return `${local.date} is the day before the holiday ${tomorrow} (${policy.timezone})`;
  }
  return null;
}

export const deployWindowKind: VerifyKind = {
  kind: 'deploy-window',
  async verify(_spec, context) {
    const policy = context.settings.window;
    let denial: string | null;
    try {
      denial = windowDenial(policy, context.now());
    } catch (error) {
      return { status: 'error', message: `The window policy cannot be evaluated: ${(error as Error).message}. Check window.timezone (an IANA name like "Europe/Berlin").` };
    }
    if (!denial) return { status: 'passed', message: `Inside the deployment window (${policy.timezone}).` };
    const override = await resolveAttestation(context, WINDOW_OVERRIDE_CHECK, `deploy outside the window (${denial}); give the reason as evidence`);
    if (override.status === 'passed') return { status: 'passed', message: `Outside the window (${denial}), overridden. ${override.message}`, attestation: override.attestation };
    return {
      status: 'failed',
      message: `Deployment window closed: ${denial}. Wait for the window, or a human records an override with a reason: \`shipgate attest ${WINDOW_OVERRIDE_CHECK} --env ${context.environment} --by NAME --evidence REASON\`.`,
    };
  },
};
