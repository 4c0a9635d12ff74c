/**
 * The names the configuration, the CLI and the MCP tools share, defined once and light to import (only
 * zod: the MCP server's cold start loads this, never the rest of config/).
 *
 * An environment name (config keys, `--env`, every tool's `environment` argument, receipts,
 * attestations): lowercase, starts with a letter, at most 40 characters, so it is safe as a file name
 * and in a lock path.
 *
 * Good: `production`, `staging-eu`, `pr_42`.
 * Bad:  `Production` (case), `../prod` (a path), an empty string.
 */
import { z } from 'zod';

export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;

/** What a valid name looks like, for every message that refuses one. */
export const ENVIRONMENT_NAME_EXPECTED = 'a lowercase environment name like "production" (letters, digits, "_" and "-"; at most 40)';

export const environmentNameSchema = z.string().regex(ENVIRONMENT_NAME_PATTERN, ENVIRONMENT_NAME_EXPECTED);

/** The deploy strategies, in the order tools and messages list them (deploy/strategies/ has one file each). */
export const STRATEGY_TYPES = ['rolling', 'blue-green', 'canary', 'recreate'] as const;
