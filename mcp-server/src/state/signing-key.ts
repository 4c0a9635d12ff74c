/**
 * The per-user signing key: 32 random bytes, created on first use in a folder of its own (0700, file
 * 0600) so that hardened mode can deny it to the agent's sandbox without denying anything else. Every
 * receipt, attestation and served-history entry is signed with it (state/signed-state.ts).
 *
 * Good: first `shipgate gate` creates ~/.local/state/shipgate/key/hmac.key (0600).
 * Bad:  a key inside the repository, or one the sandboxed agent can read: it could sign its own state.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { keyPaths } from '../project/state-dir.js';
import { BlockedError } from '../errors.js';

const cache = new Map<string, Buffer>();
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The key at `keyPaths(env).file`, created when missing. A key that cannot be read or is damaged blocks. */
export async function loadSigningKey(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const { dir, file } = keyPaths(env);
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string | undefined;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw unreadable(file, code ?? String(error));
  }
  if (text === undefined) {
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(`${randomBytes(32).toString('hex')}\n`);
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw unreadable(file, code ?? String(error));
    }
    try {
      text = (await readFile(file, 'utf8')).trim();
    } catch (error) {
      throw unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error));
    }
  }
  if (!KEY_PATTERN.test(text)) {
    throw new BlockedError('The shipgate signing key is damaged.', { where: file, expected: '64 hex characters', found: `${text.length} characters`, hint: `A human deletes ${file}; a new key is made on the next run, and every earlier receipt and attestation must be given again.` });
  }
  const key = Buffer.from(text, 'hex');
  cache.set(file, key);
  return key;
}

function unreadable(file: string, code: string): BlockedError {
  return new BlockedError(`This process cannot use the shipgate signing key (${code}).`, {
    where: file,
    expected: 'a process the human started (their terminal, or the MCP server Claude Code starts), which may read the key',
    hint: 'Gate state can only be signed outside the sandbox: use the shipgate MCP tools, or a human runs the command in their own terminal.',
  });
}

/**
 * Tests and bench/signed-state.mjs (which bundles this file) call this after changing the key on disk.
 * @public
 */
export function forgetSigningKeys(): void {
  cache.clear();
}
