/**
 * The command provider's own argv from shipgate.config.yaml (deploy, promote, traffic, undo of a
 * production environment), matched by what would run, not by the text: the program, or for an
 * interpreter (`node`, `bash`, `python`, ...) the script it runs, resolved to a real path (relative
 * paths from the project root for the config and from the current folder for the command, `$PWD`
 * expanded, symlinks followed), then the fixed words up to the first `{placeholder}`.
 * Blocked (with `deploy: [node, deployer.mjs, deploy, "{version}"]`): `node "$PWD/deployer.mjs" deploy 1.2.3`,
 *          `node --no-warnings deployer.mjs deploy 1.2.3`, `cd sub && node ../deployer.mjs deploy 1`.
 * Allowed: `node deployer.mjs status`, `node other.mjs deploy 1`, `cat deployer.mjs`.
 */
import { basename, resolve } from 'node:path';
import type { GuardRule } from './guard-rule.js';
import type { FileLookup } from '../guard-context.js';
import { isUnknown } from '../expand-words.js';

/** Interpreters and their options that take a value (the script is the first other word). */
const INTERPRETERS: Record<string, string[]> = {
  node: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--input-type', '--title', '--stack-size'],
  bash: ['-o', '-O', '--rcfile', '--init-file'], sh: ['-o'], dash: ['-o'], zsh: ['-o'], ksh: ['-o'],
  python: ['-W', '-X', '-Q'], perl: ['-I', '-M'], ruby: ['-I', '-r'], deno: [], bun: [], tsx: [], 'ts-node': ['-r', '--require', '-P', '--project'],
};
const ALIASES: Record<string, string> = { nodejs: 'node', python3: 'python', python2: 'python' };

interface Invocation {
  /** Real path of the script or program file, or the bare program name. */
  key: string;
  args: string[];
}

function invocation(argv: readonly string[], cwd: string, files: FileLookup): Invocation | undefined {
  if (!argv.length) return undefined;
  const program = basename(argv[0]!);
  const family = ALIASES[program] ?? program;
  const valueOptions = INTERPRETERS[family];
  if (valueOptions) {
    let i = 1;
    if ((family === 'deno' || family === 'bun') && argv[1] === 'run') i = 2;
    while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-') i += valueOptions.includes(argv[i]!) ? 2 : 1;
    const script = argv[i];
    if (script === undefined) return { key: family, args: [] };
    return { key: files.realPath(resolve(cwd, script)), args: argv.slice(i + 1) };
  }
  const key = argv[0]!.includes('/') ? files.realPath(resolve(cwd, argv[0]!)) : program;
  return { key, args: argv.slice(1) };
}

export const configuredCommandRule: GuardRule = {
  id: 'configured-command',
  check(command, context) {
    const { policy, files } = context;
    if (!policy.commandArgv.length) return null;
    const written = invocation([command.programWord, ...command.args], command.shell.cwd, files);
    if (!written) return null;
    const root = policy.projectRoot ?? context.cwd;
    for (const argv of policy.commandArgv) {
      const cut = argv.findIndex((w) => w.includes('{'));
      const fixed = cut < 0 ? argv : argv.slice(0, cut);
      const configured = invocation(fixed, root, files);
      if (!configured || configured.key !== written.key) continue;
      // A word computed at run time (`node deployer.mjs $VERB 1`) may be the configured one.
      if (configured.args.every((w, i) => written.args[i] === w || (written.args[i] !== undefined && isUnknown(written.args[i]!)))) return `the configured production deploy command \`${argv.join(' ')}\``;
    }
    return null;
  },
};
