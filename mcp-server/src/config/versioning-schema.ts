/** `versioning:` section. Owned by the release work (release/). */
import { z } from 'zod';
import { projectPathSchema } from './project-path-schema.js';

export const versionFileSchema = z.union([
  z.object({ path: projectPathSchema(), key: z.string().min(1).describe('JSON key path, dot-separated, e.g. expo.version') }).strict(),
  z.object({ path: projectPathSchema(), pattern: z.string().min(1).describe('regex with one capture group holding the version') }).strict(),
]);

export const versioningSchema = z
  .object({
    tagPrefix: z.string().default('v'),
    changelog: projectPathSchema().default('CHANGELOG.md'),
    conventionalCommits: z.boolean().default(true),
    /** What a breaking change bumps while the version is below 1.0.0. */
    breakingBelowOne: z.enum(['major', 'minor']).default('minor'),
    files: z.array(versionFileSchema).default([]),
    /** The branch releases are cut from (default: the current branch). */
    branch: z.string().optional(),
    remote: z.string().default('origin'),
  })
  .strict();
