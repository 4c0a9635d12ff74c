/**
 * The pitfalls one skill file defines, read through the skill model (skill/load-skill.ts): both
 * `<pitfall name=... impact=...>` blocks (seed 003) and seed 004's `### 🚫 Title` sections, as the
 * parser interprets them. No re-parsing of Markdown here. The parser is loaded lazily: only a catalog
 * refresh (a skill changed) pays for it, never the SessionStart hook.
 */
import type { PitfallText } from '../skill/model.js';

export interface FilePitfall extends PitfallText {
  file: string;
  line: number;
}

export async function readSkillPitfalls(file: string): Promise<FilePitfall[]> {
  const { loadSkillFile } = await import('../skill/load-skill.js');
  const document = await loadSkillFile(file);
  return document.model.pitfalls.map((pitfall) => ({
    id: pitfall.id,
    title: pitfall.title,
    impact: pitfall.impact,
    prevention: pitfall.prevention,
    detection: pitfall.detection,
    file,
    line: pitfall.position.line,
  }));
}
