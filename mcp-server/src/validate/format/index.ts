/** The formatter registry: `--format <name>` picks one. Adding one: a file here and a line below. */
import type { ValidationResult } from '../engine.js';
import { formatStylish, type FormatOptions } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';

export const FORMATTERS: Record<string, (result: ValidationResult, options: FormatOptions) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

