/**
 * The YAML parser as its own small bundle (dist/chunks/guard-yaml.cjs): the guard loads it only when
 * the config changed since its cached policy was written, so the parser is not compiled on every call.
 */
export { parse } from 'yaml';
