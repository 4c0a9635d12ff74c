/**
 * The `--env` value of every command, read in one place: a syntactically valid environment name
 * (config/names.ts) or a usage error that shows what was found, before any file is read or any
 * command runs. Whether the environment exists is the configuration's question (getEnvironment).
 *
 * Good: `--env staging-eu`. Bad: `--env ../prod`, `--env "prod;rm -rf ~"`, `--env Production`.
 */
import { UsageError, quote } from '../errors.js';
import { ENVIRONMENT_NAME_EXPECTED, ENVIRONMENT_NAME_PATTERN } from '../config/names.js';
import type { CliInput } from './command.js';

export function environmentOption(input: CliInput, fallback: string): string;
export function environmentOption(input: CliInput, fallback?: undefined): string | undefined;
export function environmentOption(input: CliInput, fallback?: string): string | undefined {
  const value = input.values.env;
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !ENVIRONMENT_NAME_PATTERN.test(value)) {
    throw new UsageError('The --env value is not a valid environment name.', {
      where: '--env',
      expected: ENVIRONMENT_NAME_EXPECTED,
      found: typeof value === 'string' ? quote(value, 60) : String(value),
      hint: 'Use a name listed under environments: in shipgate.config.yaml, e.g. `--env production`.',
    });
  }
  return value;
}
