/**
 * logic-flow-parses: the `<logic_flow>` block holds a Graphviz `digraph` that parses. The flow is the
 * skill's map of the deploy; if it does not parse, none of the flow rules can check it.
 *
 * Bad: `digraph D { A -> ; }`. Good: `digraph D { A -> B; }`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'logic-flow-parses',
    description: '`<logic_flow>` contains a Graphviz digraph that parses.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A flow that does not parse cannot be checked for reachability or a rollback path, and renders as nothing.',
      bad: '<logic_flow>\ndigraph Deploy {\n  Verify -> ;\n}\n</logic_flow>\n',
      good: '<logic_flow>\ndigraph Deploy {\n  Verify -> Success;\n  Verify -> Rollback;\n}\n</logic_flow>\n',
    },
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) report({ message: flow.error.message, position: flow.error.position });
      else if (flow.nodes.length === 0 && flow.edges.length === 0) report({ message: 'Unexpected empty logic_flow, expected a `digraph Name { A -> B; }`.', position: firstLine(flow.position) });
    }
  },
};
