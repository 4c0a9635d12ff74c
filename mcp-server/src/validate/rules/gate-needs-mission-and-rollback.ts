/**
 * gate-needs-mission-and-rollback: a skill with a blocking `<safety_gate>` also declares what it must
 * achieve (`<mission_control>`) and how to undo it (`<rollback_procedure>`), the three-part shape of
 * seed 001. A gate without a way back invites "just push it through".
 *
 * Bad: a SKILL.md with only a blocking gate. Good: mission_control + safety_gate + rollback_procedure.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'gate-needs-mission-and-rollback',
    description: 'A skill with a blocking gate also has `<mission_control>` and `<rollback_procedure>`.',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'Gating a deploy without stating its success criteria and its rollback leaves the operator with no plan when the gate passes and the deploy still fails.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<mission_control>\n<objective>Ship safely</objective>\n</mission_control>\n<safety_gate type="blocking">\n…\n</safety_gate>\n<rollback_procedure>\n…\n</rollback_procedure>\n',
    },
  },
  check({ document, report }) {
    const gate = document.model.safetyGates.find((g) => g.type === 'blocking');
    if (!gate) return;
    const missing: string[] = [];
    if (document.model.missionControl.length === 0) missing.push('<mission_control>');
    if (document.model.rollbackProcedures.length === 0) missing.push('<rollback_procedure>');
    if (missing.length === 0) return;
    report({ message: `Unexpected blocking safety_gate without ${missing.join(' and ')}, expected a skill that states its mission and its rollback.`, position: firstLine(gate.position) });
  },
};
