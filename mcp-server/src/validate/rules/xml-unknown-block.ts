/**
 * xml-unknown-block: XML blocks and their children are ones the skill language defines. A misspelt
 * `<saftey_gate>` is prose to every reader: its checks would never run.
 *
 * Bad: `<saftey_gate type="blocking">`. Good: `<safety_gate type="blocking">`.
 */
import type { DocumentRule } from '../rule.js';
import { didYouMean, startTag, walkElements } from '../rule-helpers.js';

export const TOP_LEVEL_BLOCKS = ['mission_control', 'safety_gate', 'rollback_procedure', 'logic_flow', 'anti_patterns', 'critical_constraint', 'objective', 'quick_start', 'workflow', 'success_criteria', 'trigger_conditions', 'pitfall', 'purpose', 'context', 'example', 'examples', 'instructions', 'process'];
/** Children the language defines inside its control blocks; other containers take free prose. */
export const CHILDREN: Record<string, string[]> = {
  mission_control: ['objective', 'success_criteria'],
  safety_gate: ['purpose', 'checks', 'gate_validation', 'check'],
  checks: ['check'],
  check: ['command', 'expected', 'verify', 'requirement', 'verification', 'failure_mode', 'timeout'],
  rollback_procedure: ['purpose', 'trigger_conditions', 'steps'],
  trigger_conditions: ['condition'],
  steps: ['step'],
  step: ['command', 'timeout', 'expected', 'investigation', 'actions'],
};
const PATTERNS = [/^step_\d+(?:_[a-z0-9_]+)?$/, /^[a-z0-9_]+_workflow$/];

export const rule: DocumentRule = {
  meta: {
    id: 'xml-unknown-block',
    description: 'XML blocks and their children are ones the shipgate skill language defines.',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'A misspelt control block is read as prose: a `<saftey_gate>` has no checks that run and blocks nothing.',
      bad: '<saftey_gate type="blocking">\n</saftey_gate>\n',
      good: '<safety_gate type="blocking">\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const { element, parent } of walkElements(document.elements)) {
      const allowed = parent ? CHILDREN[parent.name] : TOP_LEVEL_BLOCKS;
      if (!allowed || allowed.includes(element.name) || (!parent && PATTERNS.some((p) => p.test(element.name)))) continue;
      const suggestion = didYouMean(element.name, allowed);
      report({
        message: `Unexpected <${element.name}>${parent ? ` inside <${parent.name}>` : ''}, expected one of ${allowed.map((n) => `<${n}>`).join(', ')}${suggestion ? ` (did you mean <${suggestion}>?)` : ''}.`,
        position: startTag(element),
        ...(suggestion ? { fix: { description: `rename to <${suggestion}>`, replacement: suggestion } } : {}),
      });
    }
  },
};
