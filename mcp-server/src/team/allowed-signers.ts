/**
 * The repository's allowed_signers file (team.allowedSigners, default `.shipgate/allowed_signers`), read
 * from a commit, never from the working tree: what counts is what was committed and reviewed (protect
 * the file with CODEOWNERS / branch protection like any other gate). Same format as git's
 * gpg.ssh.allowedSignersFile: `ada@example.com namespaces="shipgate" ssh-ed25519 AAAA…`.
 */
import { readBlobs } from './git-remote.js';

export async function readAllowedSigners(projectRoot: string, commit: string, path: string): Promise<string | undefined> {
  const [text] = await readBlobs(projectRoot, [`${commit}:${path.replace(/^\.\//, '')}`]);
  return text !== undefined && text.trim() ? text : undefined;
}
