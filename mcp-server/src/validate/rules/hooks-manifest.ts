/**
 * hooks-manifest: `hooks/hooks.json` uses event names Claude Code fires, each with a list of matcher
 * groups whose hooks have a `type`; a command hook's `${CLAUDE_PLUGIN_ROOT}/...` paths exist.
 *
 * Bad: `"PreToolUses": [...]`, or a command pointing at a script that is not shipped.
 * Good: `"PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "node ${CLAUDE_PLUGIN_ROOT}/dist/guard.js" }] }]`
 * with that file shipped (the documented example uses a project script, so it needs no other file).
 */
import type { ProjectRule } from '../rule.js';
import { didYouMean } from '../rule-helpers.js';
import { locate, locateValue } from '../json-with-positions.js';
import { loadManifests, pluginRootOf, pluginRootPaths } from '../manifest.js';

export const HOOK_EVENTS = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PermissionRequest', 'UserPromptSubmit', 'Notification', 'Stop', 'SubagentStart', 'SubagentStop', 'SessionStart', 'SessionEnd', 'PreCompact'];
const HOOK_TYPES = ['command', 'prompt', 'agent'];

export const rule: ProjectRule = {
  meta: {
    id: 'hooks-manifest',
    description: '`hooks/hooks.json`: known events, typed hooks, and command hooks whose `${CLAUDE_PLUGIN_ROOT}` files exist.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'A misspelt event never fires and a missing script fails every tool call: the production guard would silently not run.',
      bad: '{\n  "hooks": {\n    "PreToolUses": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node ${CLAUDE_PLUGIN_ROOT}/missing.js" }] }\n    ]\n  }\n}\n',
      // Self-contained: a ${CLAUDE_PLUGIN_ROOT} path would only be good beside the file it names.
      good: '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node \\"$CLAUDE_PROJECT_DIR/scripts/guard.js\\"", "timeout": 15 }] }\n    ]\n  }\n}\n',
      language: 'json',
    },
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, 'hooks')) {
      const root = pluginRootOf(path);
      const hooks = data.hooks;
      if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) {
        context.report(path, { message: 'Unexpected hooks file without a "hooks" object, expected { "hooks": { "PreToolUse": [...] } }.', position: locate(json, ['hooks']) });
        continue;
      }
      for (const [event, groups] of Object.entries(hooks as Record<string, unknown>)) {
        if (!HOOK_EVENTS.includes(event)) {
          const suggestion = didYouMean(event, HOOK_EVENTS);
          context.report(path, { message: `Unexpected hook event "${event}", expected one of ${HOOK_EVENTS.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`, position: locate(json, ['hooks', event]), ...(suggestion ? { fix: { description: `rename to "${suggestion}"`, replacement: suggestion } } : {}) });
        }
        if (!Array.isArray(groups)) {
          context.report(path, { message: `Unexpected value for ${event}, expected an array of { "matcher", "hooks": [...] } groups.`, position: locateValue(json, ['hooks', event]) });
          continue;
        }
        groups.forEach((group: unknown, g: number) => {
          const list = (group as { hooks?: unknown } | null)?.hooks;
          if (!Array.isArray(list)) {
            context.report(path, { message: 'Unexpected matcher group without "hooks", expected "hooks": [{ "type": "command", "command": "..." }].', position: locateValue(json, ['hooks', event, g]) });
            return;
          }
          list.forEach((hook: unknown, h: number) => {
            const entry = (hook ?? {}) as { type?: unknown; command?: unknown };
            if (typeof entry.type !== 'string' || !HOOK_TYPES.includes(entry.type)) {
              context.report(path, { message: `Unexpected hook type ${JSON.stringify(entry.type ?? null)}, expected one of ${HOOK_TYPES.join(', ')}.`, position: locate(json, ['hooks', event, g, 'hooks', h, 'type']) });
            }
            if (entry.type !== 'command') return;
            if (typeof entry.command !== 'string' || entry.command.trim() === '') {
              context.report(path, { message: 'Unexpected command hook without a command, expected "command": "node ${CLAUDE_PLUGIN_ROOT}/...".', position: locate(json, ['hooks', event, g, 'hooks', h, 'command']) });
              return;
            }
            for (const { written, resolved } of pluginRootPaths(entry.command, root)) {
              if (!context.exists(resolved)) context.report(path, { message: `Unexpected missing file ${written} (${resolved}), expected the hook command to point at a file shipped with the plugin.`, position: locateValue(json, ['hooks', event, g, 'hooks', h, 'command']) });
            }
          });
        });
      }
    }
  },
};
