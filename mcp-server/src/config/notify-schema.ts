/**
 * `notify:` (top level, or per environment, which then replaces the top-level one): seed 000's
 * "notify stakeholders". An argument vector from the repository, run without a shell once the outcome
 * of a deploy or rollback is known, with the placeholders below filled in; what it printed and its exit
 * code go into the record's "Stakeholder communications". A failing notify never changes the outcome.
 *
 * Good: `notify: { command: [node, scripts/notify.mjs, "{env}", "{version}", "{status}"], on: [rolled_back, failed] }`.
 * Bad:  `notify: { command: "curl -d {version} $HOOK" }` (a shell string: refused, use an argument vector).
 */
import { z } from 'zod';
import { durationSchema } from './duration-schema.js';
import { unknownPlaceholders } from '../util/argv-placeholders.js';

/** The outcomes a notify command can be sent for (`{status}`, and the values of `on:`). */
export const NOTIFY_EVENTS = ['succeeded', 'rolled_back', 'failed'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** The placeholders a notify argument may hold, with what each becomes (docs/reference.md lists them). */
export const NOTIFY_PLACEHOLDERS: Readonly<Record<string, string>> = {
  env: 'the environment, e.g. production',
  status: 'the outcome: succeeded (the release serves), rolled_back (production went back: automatically, or by `shipgate rollback`), failed',
  kind: 'deploy or rollback',
  version: 'the release the record is about: the one deployed, or the one a rollback put back, e.g. 2.7.0',
  tag: 'its tag, e.g. v2.7.0',
  sha: 'its full commit id',
  previous_version: 'the release that served before (empty on a first deploy)',
  deployment_id: 'the record id, e.g. production-v2.7.0-1764892800000',
  url: 'the environment url (empty when none is configured)',
  reason: 'why: the failure or rollback trigger, or the rollback --reason (empty on success)',
  record: 'the path of the Markdown deployment record',
};

export const notifySchema = z
  .object({
    command: z
      .array(z.string())
      .min(1)
      .describe('argument vector, run without a shell; placeholders {env} {status} {version} {sha} {deployment_id} {url} ...')
      .superRefine((argv, ctx) => {
        const unknown = unknownPlaceholders(argv, Object.keys(NOTIFY_PLACEHOLDERS));
        if (unknown.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected placeholders among ${Object.keys(NOTIFY_PLACEHOLDERS).map((n) => `{${n}}`).join(' ')}, found unknown ${unknown.join(', ')}` });
      }),
    /** The outcomes to notify about (default all three; `[]` turns notify off, e.g. for one environment). */
    on: z.array(z.enum(NOTIFY_EVENTS)).default([...NOTIFY_EVENTS]),
    timeout: durationSchema.default('30s'),
  })
  .strict();

export type NotifyConfig = z.output<typeof notifySchema>;
