/**
 * `team:` many developers, many machines, one production. When present, deploys and rollbacks take
 * the environment lock on the git remote (or as a Kubernetes Lease), publish their outcome there, and
 * passing gates publish a record signed with the user's SSH key that `shipgate verify` checks in CI.
 * Owned by team/.
 *
 * Good: `team: { remote: origin, lease: 10m }`. Bad: `team: { lease: forever }` (not a duration).
 */
import { z } from 'zod';
import { durationSchema } from './duration-schema.js';

export const teamSchema = z
  .object({
    /** The git remote (name or URL) that holds refs/shipgate/*: locks, history, signed gate records. */
    remote: z.string().min(1).default('origin'),
    /** A lock not renewed for this long belongs to a crashed holder and may be taken over. */
    lease: durationSchema.default('10m'),
    /** Bound on every call to the remote (git push, fetch, ls-remote; kubectl for the Lease). */
    timeout: durationSchema.default('30s'),
    /** Where the deploy lock lives: a ref on the remote, or a coordination.k8s.io/v1 Lease (kubernetes provider). */
    lock: z.enum(['git', 'kubernetes']).default('git'),
    /** The repository's allowed signers (ssh-keygen format, the file git's gpg.ssh.allowedSignersFile names). */
    allowedSigners: z.string().min(1).default('.shipgate/allowed_signers'),
    /** SSH private key that signs records; default git's `user.signingkey`. */
    signingKey: z.string().min(1).optional(),
  })
  .strict();

export type TeamConfig = z.infer<typeof teamSchema>;
