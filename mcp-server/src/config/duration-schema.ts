/** A zod type for durations written as text (`30s`, `5m`, `24h`) or seconds; parses to milliseconds. */
import { z } from 'zod';
import { parseDuration } from '../util/duration.js';

export const durationSchema = z
  .union([z.string(), z.number().nonnegative()])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? Math.round(value * 1_000) : parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a duration like "30s", "5m" or "24h", found ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });
