/**
 * The repository's allowed_signers file (team.allowedSigners, default `.shipgate/allowed_signers`). Same
 * format as git's gpg.ssh.allowedSignersFile: `ada@example.com namespaces="shipgate" ssh-ed25519 AAAA…`.
 * Two readers, two trust anchors:
 *  - `shipgate verify` (CI) reads it from the commit it verifies: what was committed and reviewed
 *    (protect it with CODEOWNERS / branch protection like any other gate);
 *  - a developer's machine (which team history entries are "versions that served", i.e. rollback
 *    targets) reads the working-tree file, which `shipgate harden` write-denies to the agent's sandbox
 *    and asks the human about before the Edit tool changes it. Not HEAD: the agent makes commits, also
 *    with plumbing that never touches the file (`git hash-object -w`, `git update-index --cacheinfo`,
 *    `git commit`), so a HEAD that trusts the agent's own key would let its forged history entry make a
 *    never-gated commit a rollback target (tested in test/team/allowed-signers-trust.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBlobs } from './git-remote.js';

/** The allowed_signers file as it is in the working tree (hardened mode keeps the agent from writing it). */
export async function readWorkingAllowedSigners(projectRoot: string, path: string): Promise<string | undefined> {
  const text = await readFile(join(projectRoot, path), 'utf8').catch(() => undefined);
  return text !== undefined && text.trim() ? text : undefined;
}

export async function readAllowedSigners(projectRoot: string, commit: string, path: string): Promise<string | undefined> {
  const [text] = await readBlobs(projectRoot, [`${commit}:${path.replace(/^\.\//, '')}`]);
  return text !== undefined && text.trim() ? text : undefined;
}
