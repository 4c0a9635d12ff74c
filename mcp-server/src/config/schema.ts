/**
 * The whole `shipgate.config.yaml` (or `.claude/shipgate.yaml`). Sections live in their own files,
 * owned by the concern that reads them. Errors name the key path (config/load-config.ts formats them).
 */
import { z } from 'zod';
import { projectPathSchema } from './project-path-schema.js';
import { versioningSchema } from './versioning-schema.js';
import { environmentSchema } from './environment-schema.js';
import { environmentNameSchema } from './names.js';
import { windowSchema } from './window-schema.js';
import { teamSchema } from './team-schema.js';
import { notifySchema } from './notify-schema.js';

export const configSchema = z
  .object({
    app: z.string().min(1).optional(),
    versioning: versioningSchema.default({}),
    environments: z.record(environmentNameSchema, environmentSchema).default({}),
    /** Default window policy for every environment that has none of its own. */
    window: windowSchema.optional(),
    /** Spec-Flow state file(s): `specs/*\/state.yaml` by default (seed 003). */
    state: z.object({ file: projectPathSchema().default('specs/*/state.yaml') }).strict().default({}),
    records: z.object({ dir: projectPathSchema().default('.claude/processes') }).strict().default({}),
    learnings: z.object({ dir: projectPathSchema().default('.claude/shipgate/learnings') }).strict().default({}),
    /** What `shipgate harden` denies the agent's sandbox beyond what the providers imply (docs/security.md). */
    protection: z
      .object({
        /** Production credential files or folders (cloud CLIs, tokens): read denied to the sandbox. */
        credentials: z.array(z.string().min(1)).default([]),
        /** Production hosts the sandbox must not reach (environment URLs and git remotes are added). */
        hosts: z.array(z.string().min(1)).default([]),
        /**
         * Run the project's own commands under bubblewrap with shipgate's state and key hidden. Always on
         * (and required) in hardened mode; `true` makes it required here too. Off otherwise: at the signed
         * level the agent runs as you and reaches the key itself, so confining would protect nothing.
         */
        confine: z.boolean().optional(),
      })
      .strict()
      .default({}),
    /** Stakeholder notification after every deploy and rollback (an environment's own `notify:` replaces it). */
    notify: notifySchema.optional(),
    /** Shared lock, history and signed gate records through the git remote (absent: this machine only). */
    team: teamSchema.optional(),
  })
  .strict();

export type ShipgateConfig = z.infer<typeof configSchema>;
export type EnvironmentConfig = ShipgateConfig['environments'][string];
