/**
 * Graph helpers for the logic-flow rules: the entry node, reachability, and terminal detection over a
 * parsed `<logic_flow>` (nodes declared or implied by edges).
 */
import type { LogicFlow } from '../skill/model.js';

export function nodeIds(flow: LogicFlow): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => { if (!seen.has(id)) { seen.add(id); ids.push(id); } };
  const firstNode = flow.nodes[0];
  const firstEdge = flow.edges[0];
  // The first thing written is the entry: a declared node, or the source of the first edge.
  if (firstEdge && (!firstNode || comesBefore(firstEdge.position, firstNode.position))) add(firstEdge.from);
  for (const node of flow.nodes) add(node.id);
  for (const edge of flow.edges) { add(edge.from); add(edge.to); }
  return ids;
}

function comesBefore(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

export function reachableFrom(flow: LogicFlow, start: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const edge of flow.edges) {
    const targets = out.get(edge.from);
    if (targets) targets.push(edge.to);
    else out.set(edge.from, [edge.to]);
  }
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const targets = out.get(queue[head]!);
    if (targets) for (const next of targets) if (!seen.has(next)) { seen.add(next); queue.push(next); }
  }
  return seen;
}

/** Whether the node's id or label contains the word (case-insensitive). */
export function nodeMatches(flow: LogicFlow, id: string, word: string): boolean {
  const label = flow.nodes.find((n) => n.id === id)?.label ?? '';
  return id.toLowerCase().includes(word) || label.toLowerCase().includes(word);
}
