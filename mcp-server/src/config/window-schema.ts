/** `window:` deployment window policy (seed 001: never Friday afternoon or before holidays). Owned by gates/. */
import { z } from 'zod';

const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like "13:00"');

export const windowSchema = z
  .object({
    timezone: z
      .string()
      .default('UTC')
      .refine((zone) => isTimeZone(zone), { message: 'expected an IANA time zone like "Europe/Berlin" or "UTC"' }),
    deny: z
      .array(z.object({ days: z.array(day).min(1), from: clock.default('00:00'), to: clock.default('23:59'), reason: z.string().optional() }).strict())
      .default([{ days: ['fri'], from: '12:00', to: '23:59', reason: 'never deploy Friday afternoon' }]),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like "2026-12-25"')).default([]),
    /** Also deny the day before each holiday. */
    denyBeforeHolidays: z.boolean().default(true),
  })
  .strict();

/** Zones already checked: building an Intl.DateTimeFormat costs about 2 ms, and every gate reads the config. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 64) knownZones.set(zone, known);
  }
  return known;
}
