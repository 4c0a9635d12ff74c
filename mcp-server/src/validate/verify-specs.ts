/** Every `<verify>` of a document's gates, in order (shared by the verify-* rules; not a rule itself). */
import type { SkillDocument, VerifySpec } from '../skill/model.js';

export function verifySpecs(document: SkillDocument): VerifySpec[] {
  const specs: VerifySpec[] = [];
  for (const gate of document.model.safetyGates) {
    for (const check of gate.checks) {
      for (const decider of check.deciders) if (decider.kind === 'verify') specs.push(decider.verify);
    }
  }
  return specs;
}
