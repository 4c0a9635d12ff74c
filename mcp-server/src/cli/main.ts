#!/usr/bin/env node
/** `shipgate <command> [options]`: the dispatcher. Commands live in cli/commands/, one file each. */
import { parseArgs } from 'node:util';
import { commandLoaders, commandSummaries } from './commands/index.js';
import type { CliContext } from './command.js';
import { ShipgateError, toShipgateError, UsageError } from '../errors.js';
import { SHIPGATE_VERSION } from '../version.js';
import { didYouMean } from '../util/did-you-mean.js';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { redactOutput } from '../util/redact-secrets.js';

function isMainModule(argv1: string | undefined): boolean {
  if (!argv1) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(argv1)).href;
  } catch {
    return false;
  }
}

export async function main(argv: string[], cliContext: CliContext): Promise<number> {
  // Everything the CLI prints (provider output in deploy results included) passes secret redaction.
  // Copied by descriptor, not spread: the entry's `stdin` is a getter, and touching process.stdin builds a
  // stream (2–3 ms) that only `attest` reads.
  const context = Object.defineProperties({}, {
    ...Object.getOwnPropertyDescriptors(cliContext),
    stdout: { value: redacting(cliContext.stdout), enumerable: true },
    stderr: { value: redacting(cliContext.stderr), enumerable: true },
  }) as CliContext;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    context.stdout.write(`${SHIPGATE_VERSION}\n`);
    return 0;
  }
  const json = rest.includes('--json');
  try {
    const load = commandLoaders[name];
    if (!load) {
      const suggestion = didYouMean(name, Object.keys(commandLoaders));
      throw new UsageError(`Unknown command "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, {
        expected: `one of: ${Object.keys(commandLoaders).join(', ')}`,
        hint: suggestion ? `Run \`shipgate ${suggestion}${rest.length ? ' …' : ''}\`, or \`shipgate --help\` for the list of commands.` : 'Run `shipgate --help` for the list of commands.',
      });
    }
    const command = await load();
    const options = { ...command.options, json: { type: 'boolean' as const }, help: { type: 'boolean' as const, short: 'h' } };
    refuseUnknownFlags(name, rest, Object.keys(options), command.usage);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options,
        allowPositionals: command.allowPositionals,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(`shipgate ${name}: ${(error as Error).message}`, { hint: `Usage:\n${command.usage}` });
    }
    if (parsed.values.help) {
      context.stdout.write(`${command.summary}\n\nUsage:\n${command.usage}\n`);
      return 0;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, json }, context);
  } catch (thrown) {
    const error = toShipgateError(thrown);
    if (json) {
      context.stdout.write(`${JSON.stringify(errorDocument(error), null, 2)}\n`);
    } else {
      context.stderr.write(`shipgate: ${error.describe()}\n`);
    }
    return error.exitCode;
  }
}

/**
 * An unknown `--flag` is refused before parsing, with the closest known flag: node's parseArgs only says
 * "Unknown option" and suggests a `--` escape, which is never what a user who typed `--dryrun` meant.
 * Arguments after a bare `--` are positionals and not checked.
 */
function refuseUnknownFlags(command: string, args: readonly string[], known: readonly string[], usage: string): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const flag = arg.slice(2).split('=')[0] ?? '';
    if (known.includes(flag)) continue;
    const suggestion = didYouMean(flag, known);
    throw new UsageError(`shipgate ${command}: unknown option "--${flag}".${suggestion ? ` Did you mean "--${suggestion}"?` : ''}`, {
      expected: `one of: ${known.map((k) => `--${k}`).join(', ')}`,
      found: `--${flag}`,
      hint: `Usage:\n${usage}`,
    });
  }
}

/** The same stream, with every string written through redactOutput. */
function redacting<S extends NodeJS.WritableStream>(stream: S): S {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return (chunk: unknown, ...rest: unknown[]) => (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? redactOutput(chunk) : chunk, ...rest);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function errorDocument(error: ShipgateError): Record<string, unknown> {
  return { ok: false, error: { code: error.code, message: error.message, ...error.details } };
}

function helpText(): string {
  const width = Math.max(...Object.keys(commandSummaries).map((n) => n.length));
  const lines = Object.entries(commandSummaries).map(([n, s]) => `  ${n.padEnd(width)}  ${s}`);
  return `shipgate ${SHIPGATE_VERSION}: production deployment, gated for real.\n\nUsage: shipgate <command> [options] [--json]\n\nCommands:\n${lines.join('\n')}\n\nRun \`shipgate <command> --help\` for a command's options.\n`;
}

const isEntry = isMainModule(process.argv[1]);
if (isEntry) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    signal: controller.signal,
  });
  process.exitCode = code;
}
