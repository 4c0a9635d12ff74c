/**
 * One pitfall of the learnings catalog: what the skills say about it (title, impact, prevention,
 * detection, read through the skill model) plus the run phase whose runs form its frequency window.
 * A pitfall without a skill entry still renders from its detection rule's fallback text.
 */
import type { PitfallText } from '../skill/model.js';
import type { RunPhase } from './event.js';

export interface CatalogEntry extends PitfallText {
  phase: RunPhase;
  /** `skills/production-promotion/SKILL.md:306` (relative to its root), or `detection rule` for fallbacks. */
  source: string;
  /** True when a detection rule reads run signals for it; false = only humans can report it. */
  detectable: boolean;
}
