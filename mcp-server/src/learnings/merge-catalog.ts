/**
 * Pure: skill pitfalls + detection rules → the catalog. A skill's text wins over a rule's fallback
 * text; the first skill that defines an id wins (plugin skills first, then the project's own); every
 * detection rule appears even when no skill describes it.
 *
 * Good: `<pitfall name="missing_git_tag" impact="Medium">` → one entry, detectable, phase deploy.
 * Bad:  two skills defining `missing_git_tag` → the second one is ignored, not duplicated.
 */
import type { CatalogEntry } from './catalog-entry.js';
import type { DetectionRule } from './detect/rule.js';
import type { PitfallText } from '../skill/model.js';

export interface SkillPitfall extends PitfallText {
  source: string;
}

export function mergeCatalog(skillPitfalls: readonly SkillPitfall[], rules: readonly DetectionRule[]): CatalogEntry[] {
  const byRule = new Map(rules.map((rule) => [rule.id, rule]));
  const entries = new Map<string, CatalogEntry>();
  for (const pitfall of skillPitfalls) {
    if (!pitfall.id || entries.has(pitfall.id)) continue;
    const rule = byRule.get(pitfall.id);
    entries.set(pitfall.id, {
      id: pitfall.id,
      title: readableTitle(pitfall.title, pitfall.id, rule?.title),
      impact: pitfall.impact ?? rule?.impact,
      prevention: pitfall.prevention ?? rule?.prevention,
      detection: pitfall.detection,
      phase: rule?.phase ?? 'deploy',
      source: pitfall.source,
      detectable: rule !== undefined,
    });
  }
  for (const rule of rules) {
    if (entries.has(rule.id)) continue;
    entries.set(rule.id, { id: rule.id, title: rule.title, impact: rule.impact, prevention: rule.prevention, phase: rule.phase, source: 'detection rule', detectable: true });
  }
  return [...entries.values()];
}

/** A title that is only the id in words (`missing git tag`) reads better as the rule's or capitalised one. */
function readableTitle(title: string, id: string, ruleTitle: string | undefined): string {
  const plain = !title || title === id || title.toLowerCase() === id.replace(/[_-]+/g, ' ');
  return plain ? (ruleTitle ?? titleFromId(id)) : title;
}

/** `missing_git_tag` → `Missing Git Tag`. */
export function titleFromId(id: string): string {
  return id
    .split(/[_-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
