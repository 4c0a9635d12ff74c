/**
 * Write exactly the files of one commit into a folder, checked against the commit's id all the way down.
 * The trusted checkout (project/trusted-tree.ts) runs the release's deploy and rollback scripts, so its
 * content must be the commit the receipt names and nothing else. `git checkout` cannot promise that here:
 *  - git never checks a loose object against its id when it reads it: an agent that rewrites
 *    `.git/objects/ab/cdef…` (the project folder, writable from its sandbox) changes what a checkout
 *    writes, while `git status` still says "clean";
 *  - a checkout runs the repository's filters (`filter.*.smudge` from `.git/config`, attributes from
 *    `.git/info/attributes`): code, and content that is not the commit's;
 *  - a committed symbolic link to `/tmp/deploy.sh` points at a file that was never gated.
 * So the objects are read with `git cat-file --batch` and every one is hashed here (`<type> <size>\0<body>`,
 * sha1 or sha256 as the repository says): the commit against the receipt's sha, each tree against the id
 * its parent names, each blob against its tree entry. Blobs are written byte for byte (no filter, no
 * line-ending change), executables 0755, symbolic links only when they stay inside the commit. A name git
 * itself would never check out (`.git`, `..`, one with a slash) is refused too.
 *
 * Good: exportCommit(root, receipt.commit, tree) → the files of that commit, or a BlockedError naming the object.
 * Bad:  `git worktree add <dir> <sha>` alone: a rewritten object file or a smudge filter decides what runs.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, posix } from 'node:path';
import { BlockedError, FailedError } from '../errors.js';
import { gitBytes, gitOk } from './git.js';

interface RawObject {
  type: string;
  body: Buffer;
}

interface TreeEntry {
  mode: string;
  name: string;
  id: string;
}

/** Objects fetched per `git cat-file --batch` call, and the bytes of blobs per call (memory stays bounded). */
const BATCH_OBJECTS = 2_000;
const BATCH_BYTES = 32 * 1024 * 1024;

export async function exportCommit(projectRoot: string, sha: string, dest: string): Promise<void> {
  const algorithm = (await gitOk(projectRoot, ['rev-parse', '--show-object-format']).catch(() => 'sha1')).trim() === 'sha256' ? 'sha256' : 'sha1';
  const idBytes = algorithm === 'sha256' ? 32 : 20;
  const read = (ids: readonly string[]) => readObjects(projectRoot, ids, algorithm);

  const commit = (await read([sha])).get(sha)!;
  if (commit.type !== 'commit') throw tampered(projectRoot, sha, `a ${commit.type}, not a commit`);
  const rootTree = /^tree ([0-9a-f]+)\n/.exec(commit.body.toString('latin1'))?.[1];
  if (!rootTree) throw tampered(projectRoot, sha, 'a commit without a tree');

  // Trees level by level: each level's ids come from verified parents only.
  const blobs: { id: string; path: string; mode: string }[] = [];
  let level: { id: string; path: string }[] = [{ id: rootTree, path: '' }];
  while (level.length) {
    const next: { id: string; path: string }[] = [];
    for (let start = 0; start < level.length; start += BATCH_OBJECTS) {
      const chunk = level.slice(start, start + BATCH_OBJECTS);
      const objects = await read(chunk.map((tree) => tree.id));
      for (const tree of chunk) {
        const object = objects.get(tree.id)!;
        if (object.type !== 'tree') throw tampered(projectRoot, tree.id, `a ${object.type} where ${tree.path || 'the root'} should be a tree`);
        await mkdir(join(dest, tree.path), { recursive: true });
        for (const entry of parseTree(object.body, idBytes, projectRoot, tree.id)) {
          const path = tree.path ? `${tree.path}/${entry.name}` : entry.name;
          if (entry.mode === '40000') next.push({ id: entry.id, path });
          else if (entry.mode === '160000') await mkdir(join(dest, path), { recursive: true }); // a submodule: git leaves it empty too
          else if (/^100[0-7]{3}$/.test(entry.mode) || entry.mode === '120000') blobs.push({ id: entry.id, path, mode: entry.mode });
          else throw tampered(projectRoot, tree.id, `an entry ${JSON.stringify(path)} with mode ${entry.mode}`);
        }
      }
    }
    level = next;
  }

  // Blobs in chunks of bounded size (the sizes asked first are only for chunking: every body is hashed).
  const sizes = await objectSizes(projectRoot, [...new Set(blobs.map((blob) => blob.id))]);
  const links: typeof blobs = [];
  let chunk: typeof blobs = [];
  let bytes = 0;
  const flush = async () => {
    const objects = await read([...new Set(chunk.map((blob) => blob.id))]);
    for (const blob of chunk) {
      const object = objects.get(blob.id)!;
      if (object.type !== 'blob') throw tampered(projectRoot, blob.id, `a ${object.type} where ${blob.path} should be a file`);
      if (blob.mode === '120000') {
        links.push({ ...blob, mode: object.body.toString('utf8') });
        continue;
      }
      const file = join(dest, blob.path);
      await writeFile(file, object.body, { flag: 'wx' });
      await chmod(file, blob.mode === '100755' ? 0o755 : 0o644);
    }
    chunk = [];
    bytes = 0;
  };
  for (const blob of blobs) {
    chunk.push(blob);
    bytes += sizes.get(blob.id) ?? 0;
    if (chunk.length >= BATCH_OBJECTS || bytes >= BATCH_BYTES) await flush();
  }
  if (chunk.length) await flush();
  // Links last, and only inside the commit: what a link outside points to was never gated.
  for (const link of links) {
    const target = link.mode;
    const resolved = posix.normalize(posix.join(posix.dirname(link.path), target));
    if (target.startsWith('/') || resolved === '..' || resolved.startsWith('../') || target.includes('\0')) {
      throw new BlockedError(`The release's ${link.path} is a symbolic link to ${JSON.stringify(target)}, outside the commit: what it points to was never gated.`, {
        where: `${link.path} (commit ${sha.slice(0, 12)})`,
        expected: 'symbolic links that point inside the repository (deploy and rollback run the commit\'s own files)',
        found: target,
        hint: 'Commit the file itself instead of a link to it (or read it through $SHIPGATE_PROJECT_ROOT in the script, where it is not gated), then gate again.',
      });
    }
    await mkdir(dirname(join(dest, link.path)), { recursive: true });
    await symlink(target, join(dest, link.path));
  }
}

/** `git cat-file --batch` for these ids; each object's hash is checked against the id asked for. */
async function readObjects(projectRoot: string, ids: readonly string[], algorithm: 'sha1' | 'sha256'): Promise<Map<string, RawObject>> {
  const result = await gitBytes(projectRoot, ['cat-file', '--batch'], { input: `${ids.join('\n')}\n` });
  if (result.exitCode !== 0) {
    throw new FailedError(`git cat-file failed (exit ${result.exitCode}) while reading the release's files.`, { where: projectRoot, found: (result.stderr || result.spawnError || '').trim().slice(-400), hint: 'Run `git fsck` in the project; fix the repository, then run again.' });
  }
  const objects = new Map<string, RawObject>();
  const out = result.stdout;
  let at = 0;
  for (const id of ids) {
    const newline = out.indexOf(0x0a, at);
    const header = out.toString('latin1', at, newline < 0 ? out.length : newline);
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match || newline < 0) throw tampered(projectRoot, id, header.endsWith('missing') ? 'missing from the repository' : `unreadable (${JSON.stringify(header.slice(0, 80))})`);
    const size = Number(match[3]);
    const body = out.subarray(newline + 1, newline + 1 + size);
    at = newline + 1 + size + 1;
    const type = match[2]!;
    const actual = createHash(algorithm).update(`${type} ${size}\0`).update(body).digest('hex');
    if (match[1] !== id || actual !== id) throw tampered(projectRoot, id, `an object whose content hashes to ${actual}`);
    objects.set(id, { type, body });
  }
  return objects;
}

/** Sizes as git reports them (not trusted: used only to size the batches). */
async function objectSizes(projectRoot: string, ids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (!ids.length) return sizes;
  const result = await gitBytes(projectRoot, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { input: `${ids.join('\n')}\n` });
  for (const line of result.stdout.toString('latin1').split('\n')) {
    const [id, size] = line.split(' ');
    if (id && size && /^\d+$/.test(size)) sizes.set(id, Number(size));
  }
  return sizes;
}

function parseTree(body: Buffer, idBytes: number, projectRoot: string, treeId: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0x00, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > body.length) throw tampered(projectRoot, treeId, 'a tree that does not parse');
    const mode = body.toString('latin1', at, space);
    const name = body.toString('utf8', space + 1, nul);
    const id = body.subarray(nul + 1, nul + 1 + idBytes).toString('hex');
    at = nul + 1 + idBytes;
    if (!name || name === '.' || name === '..' || name.includes('/') || normalize(name).toLowerCase() === '.git') {
      throw tampered(projectRoot, treeId, `an entry named ${JSON.stringify(name)}, which git never checks out`);
    }
    entries.push({ mode, name, id });
  }
  return entries;
}

function tampered(projectRoot: string, id: string, found: string): BlockedError {
  return new BlockedError(`The release cannot be checked out as committed: object ${id.slice(0, 12)} in the repository is ${found}.`, {
    where: `${projectRoot}/.git/objects (object ${id})`,
    expected: 'objects whose content hashes to their id (what was gated is what runs)',
    found,
    hint: 'Something rewrote the repository\'s object files or history. Run `git fsck --full`, restore the objects from the remote (`git fetch`, or a fresh clone), then gate again.',
  });
}
