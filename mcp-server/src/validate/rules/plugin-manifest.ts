/**
 * plugin-manifest: `.claude-plugin/plugin.json` has a kebab-case `name`, a semver `version`, an `author`
 * object with a `name`, `keywords` as an array, and component paths (commands, agents, skills, hooks,
 * mcpServers, ...) that start with `./` (Claude Code resolves them against the plugin root).
 *
 * Bad: `{"name": "Ship Gate", "version": "1.0", "author": "me"}`. Good: `{"name": "shipgate", "version": "1.0.0", "author": {"name": "me"}}`.
 */
// Two functions, not the whole package: this rule is on every cold `shipgate validate`.
import semverValid from 'semver/functions/valid.js';
import semverCoerce from 'semver/functions/coerce.js';
import type { ProjectRule } from '../rule.js';
import { KEBAB_CASE } from '../rule-helpers.js';
import { locate, locateValue } from '../json-with-positions.js';
import { loadManifests } from '../manifest.js';

const COMPONENT_KEYS = ['commands', 'agents', 'skills', 'hooks', 'mcpServers', 'outputStyles', 'lspServers'];

export const rule: ProjectRule = {
  meta: {
    id: 'plugin-manifest',
    description: '`.claude-plugin/plugin.json`: kebab-case name, semver version, author object, keywords array, `./` component paths.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'Claude Code refuses to install a plugin whose manifest is malformed, and resolves component paths only when they are relative to the plugin root.',
      bad: '{\n  "name": "Ship Gate",\n  "version": "1.0",\n  "author": "me",\n  "commands": "commands/"\n}\n',
      good: '{\n  "name": "shipgate",\n  "version": "1.0.0",\n  "author": { "name": "me" },\n  "commands": "./commands/"\n}\n',
      language: 'json',
    },
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, 'plugin')) {
      const at = (...keys: (string | number)[]) => locateValue(json, keys);
      if (typeof data.name !== 'string' || !KEBAB_CASE.test(data.name)) {
        context.report(path, { message: `Unexpected name ${JSON.stringify(data.name ?? null)}, expected a kebab-case string.`, position: data.name === undefined ? locate(json, []) : at('name') });
      }
      if (data.version !== undefined && (typeof data.version !== 'string' || semverValid(data.version) === null)) {
        const coerced = typeof data.version === 'string' ? semverCoerce(data.version)?.version : undefined;
        context.report(path, { message: `Unexpected version ${JSON.stringify(data.version)}, expected a semantic version like "1.0.0".`, position: at('version'), ...(coerced ? { fix: { description: `use "${coerced}"`, replacement: JSON.stringify(coerced) } } : {}) });
      }
      const author = data.author;
      if (author !== undefined && (typeof author !== 'object' || author === null || Array.isArray(author) || typeof (author as { name?: unknown }).name !== 'string')) {
        context.report(path, { message: `Unexpected author ${JSON.stringify(author)}, expected an object with a name: { "name": "..." }.`, position: at('author') });
      }
      if (data.keywords !== undefined && (!Array.isArray(data.keywords) || data.keywords.some((k) => typeof k !== 'string'))) {
        context.report(path, { message: `Unexpected keywords ${JSON.stringify(data.keywords)}, expected an array of strings.`, position: at('keywords') });
      }
      for (const key of COMPONENT_KEYS) {
        const value = data[key];
        const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
        list.forEach((entry, index) => {
          if (typeof entry !== 'string' || entry.startsWith('./')) return;
          context.report(path, { message: `Unexpected ${key} path "${entry}", expected a path starting with "./" (relative to the plugin root).`, position: typeof value === 'string' ? at(key) : at(key, index), fix: { description: `write "./${entry.replace(/^\/+/, '')}"` } });
        });
      }
    }
  },
};
