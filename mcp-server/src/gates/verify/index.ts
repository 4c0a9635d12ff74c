/**
 * The one registry of verify kinds. Adding a kind: a row in skill/verify-kinds.ts, a file here, a line
 * below, fixtures in test/gates/. A test asserts this list equals VERIFY_KIND_NAMES.
 */
import type { VerifyKind } from './verify-kind.js';
import { commandKind } from './command.js';
import { fileExistsKind } from './file-exists.js';
import { fileAgeKind } from './file-age.js';
import { stateKind } from './state.js';
import { gitCleanKind } from './git-clean.js';
import { gitBranchKind } from './git-branch.js';
import { httpKind } from './http.js';
import { deployWindowKind } from './deploy-window.js';
import { attestationKind } from './attestation.js';

export const verifyKinds: Readonly<Record<string, VerifyKind>> = Object.freeze(
  Object.fromEntries([commandKind, fileExistsKind, fileAgeKind, stateKind, gitCleanKind, gitBranchKind, httpKind, deployWindowKind, attestationKind].map((k) => [k.kind, k])),
);
