/**
 * logic-flow-edges-declared: edges connect nodes that were declared (`Build [label="..."]`). DOT creates
 * undeclared nodes silently, so a typo (`Bulid -> Deploy`) makes a new, unlabeled node: warned.
 *
 * Bad: `Verify [label="Verify"]; Verfy -> Deploy;`. Good: `Verify -> Deploy;` with both declared.
 */
import type { DocumentRule } from '../rule.js';

export const rule: DocumentRule = {
  meta: {
    id: 'logic-flow-edges-declared',
    description: 'Edges of a logic flow name nodes declared in the graph (DOT allows implicit nodes, so this warns).',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'A misspelt node name silently creates a second node and breaks the path the flow is meant to show.',
      bad: '<logic_flow>\ndigraph Deploy {\n  Verify [label="Verify"];\n  Success [label="Success"];\n  Verfy -> Success;\n}\n</logic_flow>\n',
      good: '<logic_flow>\ndigraph Deploy {\n  Verify [label="Verify"];\n  Success [label="Success"];\n  Verify -> Success;\n}\n</logic_flow>\n',
    },
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error || flow.nodes.length === 0) continue;
      const declared = new Set(flow.nodes.filter((n) => !isImplicit(n, flow.edges)).map((n) => n.id));
      if (declared.size === 0) continue;
      const reported = new Set<string>();
      for (const edge of flow.edges) {
        for (const id of [edge.from, edge.to]) {
          if (declared.has(id) || reported.has(id)) continue;
          reported.add(id);
          report({ message: `Unexpected undeclared node "${id}" in an edge, expected a declared node (${[...declared].slice(0, 8).join(', ')}).`, position: edge.position });
        }
      }
    }
  },
};

/** A node the parser created from an edge (no attributes, written at an edge's position). */
function isImplicit(node: { id: string; attributes: Record<string, string>; position: { line: number; column: number } }, edges: { position: { line: number; column: number } }[]): boolean {
  return Object.keys(node.attributes).length === 0 && edges.some((e) => e.position.line === node.position.line && e.position.column <= node.position.column);
}
