/**
 * marketplace-manifest: `marketplace.json` has a kebab-case `name`, an `owner` object with a `name`, and
 * a non-empty `plugins` list whose entries have a kebab-case `name` and a `source` (a `./` path that
 * exists, or a source object), so `/plugin marketplace add` can install from git.
 *
 * Bad: `{"name": "shipgate", "plugins": [{"name": "shipgate"}]}`. Good: with `"owner": {"name": "me"}` and `"source": "./"`.
 */
import { resolve, dirname, basename } from 'node:path';
import type { ProjectRule } from '../rule.js';
import { KEBAB_CASE } from '../rule-helpers.js';
import { locate, locateValue } from '../json-with-positions.js';
import { loadManifests } from '../manifest.js';

export const rule: ProjectRule = {
  meta: {
    id: 'marketplace-manifest',
    description: '`marketplace.json`: kebab-case name, owner object, plugins with name and an existing `./` source.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'A marketplace entry without a valid source cannot be installed: `/plugin install` fails after the user already added the marketplace.',
      bad: '{\n  "name": "shipgate",\n  "plugins": [\n    { "name": "shipgate" }\n  ]\n}\n',
      good: '{\n  "name": "shipgate",\n  "owner": { "name": "me" },\n  "plugins": [\n    { "name": "shipgate", "source": "./" }\n  ]\n}\n',
      language: 'json',
    },
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, 'marketplace')) {
      const base = basename(dirname(path)) === '.claude-plugin' ? dirname(dirname(path)) : dirname(path);
      if (typeof data.name !== 'string' || !KEBAB_CASE.test(data.name)) {
        context.report(path, { message: `Unexpected name ${JSON.stringify(data.name ?? null)}, expected a kebab-case string.`, position: locateValue(json, ['name']) });
      }
      const owner = data.owner as { name?: unknown } | undefined;
      if (typeof owner !== 'object' || owner === null || typeof owner.name !== 'string') {
        context.report(path, { message: `Unexpected owner ${JSON.stringify(data.owner ?? null)}, expected an object with a name: { "name": "..." }.`, position: locate(json, ['owner']) });
      }
      if (!Array.isArray(data.plugins) || data.plugins.length === 0) {
        context.report(path, { message: 'Unexpected marketplace without plugins, expected "plugins": [{ "name": ..., "source": "./" }].', position: locate(json, ['plugins']) });
        continue;
      }
      data.plugins.forEach((plugin: unknown, index: number) => {
        const entry = (typeof plugin === 'object' && plugin !== null ? plugin : {}) as Record<string, unknown>;
        if (typeof entry.name !== 'string' || !KEBAB_CASE.test(entry.name)) {
          context.report(path, { message: `Unexpected plugin name ${JSON.stringify(entry.name ?? null)}, expected a kebab-case string.`, position: locate(json, ['plugins', index, 'name']) });
        }
        const source = entry.source;
        if (typeof source === 'string') {
          if (!source.startsWith('./') && !/^[a-z]+:|^[\w.-]+\/[\w.-]+$/i.test(source)) {
            context.report(path, { message: `Unexpected source "${source}", expected a path starting with "./", a GitHub "owner/repo", or a source object.`, position: locateValue(json, ['plugins', index, 'source']) });
          } else if (source.startsWith('./') && !context.exists(resolve(base, source))) {
            context.report(path, { message: `Unexpected source "${source}": no such folder, expected an existing plugin folder relative to the marketplace root.`, position: locateValue(json, ['plugins', index, 'source']) });
          }
        } else if (typeof source !== 'object' || source === null) {
          context.report(path, { message: 'Unexpected plugin without source, expected "source": "./" or a source object.', position: locate(json, ['plugins', index, 'source']) });
        }
      });
    }
  },
};
