/**
 * The shape of one detection rule: a pitfall id, the run phase whose runs form its frequency window,
 * and a pure `detect` that reads the run's signals. Rules only report; record-run stamps the event.
 * Add one: copy a sibling, add a line to detect/index.ts, add a case to test/learnings/detect.test.ts.
 */
import type { RunPhase } from '../event.js';
import type { RunSignals } from '../signals.js';

export interface DetectionRule {
  /** The pitfall id, as written in `<pitfall name="...">` of the skills. */
  id: string;
  /** Fallback title when no skill in the catalog describes this pitfall. */
  title: string;
  /** The phase whose last runs form the frequency window (`★★★☆☆ (3/5)` = 3 of its last 5 runs). */
  phase: RunPhase;
  /** Fallback impact and prevention, used only when the catalog has none. */
  impact: string;
  prevention: string;
  detect(signals: RunSignals): boolean;
}
