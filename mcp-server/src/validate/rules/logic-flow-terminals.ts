/**
 * logic-flow-terminals: from the first node there is a path to a success node and a path to a rollback
 * node (a node whose id or label contains "success" / "rollback"). A deploy flow without a rollback
 * branch documents a deploy that cannot fail.
 *
 * Bad: `Verify -> Deploy -> Success;`. Good: also `Deploy -> Rollback [label="errors"];`.
 */
import type { DocumentRule } from '../rule.js';
import { nodeIds, nodeMatches, reachableFrom } from '../flow-graph.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'logic-flow-terminals',
    description: 'A logic flow has a path from its first node to a success node and to a rollback node.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The flow must show both outcomes: a deploy that can only succeed has no documented way back.',
      bad: '<logic_flow>\ndigraph Deploy {\n  Verify -> Deploy;\n  Deploy -> Success;\n}\n</logic_flow>\n',
      good: '<logic_flow>\ndigraph Deploy {\n  Verify -> Deploy;\n  Deploy -> Success;\n  Deploy -> Rollback;\n}\n</logic_flow>\n',
    },
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) continue;
      const first = nodeIds(flow)[0];
      if (first === undefined) continue;
      const reachable = [...reachableFrom(flow, first)];
      for (const word of ['success', 'rollback']) {
        if (reachable.some((id) => nodeMatches(flow, id, word))) continue;
        report({ message: `Unexpected logic_flow without a path from "${first}" to a ${word} node, expected a node whose id or label contains "${word}".`, position: firstLine(flow.position), fix: { description: `add e.g. \`Deploy -> ${word === 'success' ? 'Success' : 'Rollback'};\`` } });
      }
    }
  },
};
