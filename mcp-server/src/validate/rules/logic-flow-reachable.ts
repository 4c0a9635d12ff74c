/**
 * logic-flow-reachable: every node of a logic flow is reachable from the first one. An unreachable
 * node is a step the flow promises and no path ever takes.
 *
 * Bad: `Start -> Deploy; Verify [label="Verify"];` (Verify unreachable). Good: `Start -> Verify -> Deploy;`.
 */
import type { DocumentRule } from '../rule.js';
import { nodeIds, reachableFrom } from '../flow-graph.js';

export const rule: DocumentRule = {
  meta: {
    id: 'logic-flow-reachable',
    description: 'Every node of a logic flow is reachable from its first node.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'An unreachable node is a step (often "Verify" or "Backup") that no path executes.',
      bad: '<logic_flow>\ndigraph Deploy {\n  Start -> Success;\n  Start -> Rollback;\n  Backup [label="Backup database"];\n}\n</logic_flow>\n',
      good: '<logic_flow>\ndigraph Deploy {\n  Start -> Backup;\n  Backup -> Success;\n  Backup -> Rollback;\n}\n</logic_flow>\n',
    },
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) continue;
      const ids = nodeIds(flow);
      const first = ids[0];
      if (first === undefined) continue;
      const reachable = reachableFrom(flow, first);
      for (const id of ids) {
        if (reachable.has(id)) continue;
        const where = flow.nodes.find((n) => n.id === id)?.position ?? flow.edges.find((e) => e.from === id || e.to === id)?.position ?? flow.position;
        report({ message: `Unexpected unreachable node "${id}", expected every node to be reachable from "${first}".`, position: where });
      }
    }
  },
};
