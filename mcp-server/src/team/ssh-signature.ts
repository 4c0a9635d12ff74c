/**
 * SSH signatures, the standard git itself uses for signed commits: `ssh-keygen -Y sign` with the
 * user's key (team.signingKey, else git's `user.signingkey`), `ssh-keygen -Y find-principals` and
 * `-Y verify` against the repository's allowed_signers file. shipgate signs in its own namespace
 * ("shipgate"), so a signature made for a commit (namespace "git") can never pass as a gate record,
 * and an allowed_signers line may restrict a key to `namespaces="shipgate"`.
 *
 * The files ssh-keygen reads (the allowed signers, the signature, a literal key) are written under the
 * state root, not the temp folder: the agent's sandbox may write the temp folder, and an allowed_signers
 * file swapped between writing and `ssh-keygen -Y verify` would let its own key sign a team record.
 *
 * Good: a record signed by ada's key, ada listed in .shipgate/allowed_signers → principal "ada@…".
 * Bad:  the same record with one byte changed, or signed by a key nobody listed → refused, with why.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { runArgv } from '../exec/run.js';
import { trustedProgram } from '../exec/trusted-program.js';
import { BlockedError, FailedError, quote } from '../errors.js';
import { gitLocal } from './git-remote.js';
import { stateRoot } from '../project/state-dir.js';

/** A fresh private folder under `<state root>/tmp` (write-denied to the agent when hardened). */
async function privateTemp(prefix: string): Promise<string> {
  const parent = join(stateRoot(), 'tmp');
  await mkdir(parent, { recursive: true, mode: 0o700 });
  return mkdtemp(join(parent, prefix));
}

export const SIGNATURE_NAMESPACE = 'shipgate';
const TIMEOUT_MS = 30_000;

export type SignatureCheck =
  | { ok: true; principal: string }
  | { ok: false; problem: 'no-signature' | 'unknown-key' | 'bad-signature'; detail: string };

/** The key that signs: a path to a private key (or a public key whose private half is in ssh-agent), or a literal `key::ssh-…`. */
export async function resolveSigningKey(projectRoot: string, configured?: string): Promise<string> {
  let key = configured;
  if (!key) {
    const result = await gitLocal(projectRoot, ['config', '--get', 'user.signingkey']);
    key = result.stdout.trim() || undefined;
  }
  if (!key) {
    throw new BlockedError('No SSH key to sign shipgate records with.', {
      where: 'team.signingKey in shipgate.config.yaml, or git config user.signingkey',
      expected: 'the path of your SSH signing key (the one git signs commits with)',
      hint: 'Run `git config --global gpg.format ssh && git config --global user.signingkey ~/.ssh/id_ed25519`, and add its public key to the allowed_signers file.',
    });
  }
  if (key.startsWith('key::')) return key;
  if (key.startsWith('~/')) return join(homedir(), key.slice(2));
  return isAbsolute(key) ? key : resolve(projectRoot, key);
}

/** An armored SSH signature over `text` (UTF-8 bytes). */
export async function signText(projectRoot: string, key: string, text: string): Promise<string> {
  const literal = key.startsWith('key::');
  const temp = literal ? await privateTemp('sign-') : undefined;
  try {
    let keyFile = key;
    if (temp) {
      keyFile = join(temp, 'key.pub');
      await writeFile(keyFile, `${key.slice('key::'.length)}\n`, { mode: 0o600 });
    }
    const result = await runArgv(trustedProgram('ssh-keygen', projectRoot), ['-Y', 'sign', '-n', SIGNATURE_NAMESPACE, '-f', keyFile, ...(literal ? ['-U'] : [])], { cwd: projectRoot, timeoutMs: TIMEOUT_MS, input: text });
    if (result.exitCode !== 0 || !result.stdout.includes('BEGIN SSH SIGNATURE')) {
      throw new FailedError('ssh-keygen could not sign the shipgate record.', {
        where: literal ? 'the key in ssh-agent' : keyFile,
        expected: 'an SSH private key without a passphrase prompt (or loaded in ssh-agent)',
        found: quote((result.stderr || result.spawnError || `exit ${result.exitCode}`).trim(), 200),
        hint: 'Check the key with `ssh-keygen -y -f KEY`, load it with `ssh-add`, or set team.signingKey.',
      });
    }
    return `${result.stdout.trim()}\n`;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

/** Check `signature` over `text` against allowed_signers content; says who signed or why not. */
export async function verifyText(projectRoot: string, text: string, signature: string | undefined, allowedSigners: string): Promise<SignatureCheck> {
  if (!signature || !signature.includes('BEGIN SSH SIGNATURE')) return { ok: false, problem: 'no-signature', detail: 'the record carries no SSH signature' };
  const temp = await privateTemp('verify-');
  try {
    const signers = join(temp, 'allowed_signers');
    const sig = join(temp, 'record.sig');
    await writeFile(signers, allowedSigners);
    await writeFile(sig, signature);
    const found = await runArgv(trustedProgram('ssh-keygen', projectRoot), ['-Y', 'find-principals', '-s', sig, '-f', signers], { cwd: projectRoot, timeoutMs: TIMEOUT_MS });
    const principals = found.exitCode === 0 ? found.stdout.split('\n').map((l) => l.trim()).filter(Boolean) : [];
    if (!principals.length) return { ok: false, problem: 'unknown-key', detail: 'signed by a key that is not in allowed_signers' };
    for (const principal of principals) {
      const checked = await runArgv(trustedProgram('ssh-keygen', projectRoot), ['-Y', 'verify', '-f', signers, '-I', principal, '-n', SIGNATURE_NAMESPACE, '-s', sig], { cwd: projectRoot, timeoutMs: TIMEOUT_MS, input: text });
      if (checked.exitCode === 0) return { ok: true, principal };
    }
    return { ok: false, problem: 'bad-signature', detail: `the signature of ${principals.join(', ')} does not match the record: it was changed after signing` };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
