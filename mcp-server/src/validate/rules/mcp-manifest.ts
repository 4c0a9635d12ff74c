/**
 * mcp-manifest: `.mcp.json` lists servers under `mcpServers`, each with a `command` string and `args`
 * array (or a `url` for http/sse servers); `${CLAUDE_PLUGIN_ROOT}/...` files they name exist.
 *
 * Bad: `{"mcpServers": {"shipgate": {"args": "server.js"}}}`. Good: `{"mcpServers": {"shipgate": {"command": "node", "args": ["${CLAUDE_PLUGIN_ROOT}/dist/cli.js", "mcp"]}}}`
 * with that file shipped, or an http server given by its `url`.
 */
import type { ProjectRule } from '../rule.js';
import { locate, locateValue } from '../json-with-positions.js';
import { loadManifests, pluginRootOf, pluginRootPaths } from '../manifest.js';

export const rule: ProjectRule = {
  meta: {
    id: 'mcp-manifest',
    description: '`.mcp.json`: each server has a command and an args array (or a url), and the files it names exist.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'A server that cannot start leaves every gate tool missing: the agent then has no gated path and falls back to raw commands.',
      bad: '{\n  "mcpServers": {\n    "shipgate": { "args": "${CLAUDE_PLUGIN_ROOT}/missing.js" }\n  }\n}\n',
      // Self-contained: a ${CLAUDE_PLUGIN_ROOT} path would only be good beside the file it names.
      good: '{\n  "mcpServers": {\n    "deploy-api": { "type": "http", "url": "https://deploy.example.com/mcp" }\n  }\n}\n',
      language: 'json',
    },
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, 'mcp')) {
      const root = pluginRootOf(path);
      const servers = data.mcpServers;
      if (typeof servers !== 'object' || servers === null || Array.isArray(servers)) {
        context.report(path, { message: 'Unexpected .mcp.json without an "mcpServers" object, expected { "mcpServers": { "name": { "command": ..., "args": [...] } } }.', position: locate(json, ['mcpServers']) });
        continue;
      }
      for (const [name, server] of Object.entries(servers as Record<string, unknown>)) {
        const entry = (typeof server === 'object' && server !== null ? server : {}) as { command?: unknown; args?: unknown; url?: unknown; type?: unknown };
        if (typeof entry.url === 'string') continue;
        if (typeof entry.command !== 'string' || entry.command.trim() === '') {
          context.report(path, { message: `Unexpected server "${name}" without a command, expected "command": "node" (or a "url" for http servers).`, position: locate(json, ['mcpServers', name]) });
        }
        if (entry.args !== undefined && (!Array.isArray(entry.args) || entry.args.some((a) => typeof a !== 'string'))) {
          context.report(path, { message: `Unexpected args ${JSON.stringify(entry.args)} for server "${name}", expected an array of strings.`, position: locateValue(json, ['mcpServers', name, 'args']) });
        }
        const words = [entry.command, ...(Array.isArray(entry.args) ? entry.args : typeof entry.args === 'string' ? [entry.args] : [])].filter((w): w is string => typeof w === 'string');
        for (const word of words) {
          for (const { written, resolved } of pluginRootPaths(word, root)) {
            if (!context.exists(resolved)) context.report(path, { message: `Unexpected missing file ${written} (${resolved}), expected the server to point at a file shipped with the plugin.`, position: locateValue(json, ['mcpServers', name, 'args']) });
          }
        }
      }
    }
  },
};
