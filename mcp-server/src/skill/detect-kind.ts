/**
 * What a Markdown file in a plugin is, from where it lives: `skills/<name>/SKILL.md` is a skill,
 * `commands/*.md` a slash command, anything under `agents/` an agent, under `references/` (or
 * `reference/`) a reference document. Validator rules use the kind to pick which frontmatter applies.
 *
 * Good: `skills/deploy-production/SKILL.md` → 'skill'. Bad (→ 'other'): `docs/deploy.md`.
 */
import type { DocumentKind } from './model.js';

export function detectKind(path: string): DocumentKind {
  const normal = path.replace(/\\/g, '/');
  if (/(?:^|\/)references?\//i.test(normal)) return 'reference';
  if (/(?:^|\/)skills\/[^/]+\/SKILL\.md$/i.test(normal)) return 'skill';
  if (/(?:^|\/)agents\/.+\.md$/i.test(normal)) return 'agent';
  if (/(?:^|\/)commands\/.+\.md$/i.test(normal)) return 'command';
  return 'other';
}
