/**
 * A small Graphviz DOT reader for `<logic_flow>`: `digraph Name { ... }` with node statements and
 * `[attr=value]` lists, edge chains `A -> B -> C [label="x"]`, default `node [...]`/`edge [...]`/
 * `graph [...]` statements, `rankdir=TD;`, quoted ids, subgraphs (flattened) and comments. Positions are
 * in the original file. It never throws: a syntax error becomes `error`, with what was read before it.
 *
 * Good: `digraph D { A [label="Start"]; A -> B [label="ok"]; }` → nodes A, B; edge A→B "ok".
 * Bad:  `digraph D { A -> ; }` → error "Expected a node id after `->` at 1:19, found `;`".
 */
import type { LogicFlow, LogicFlowEdge, LogicFlowNode, Position } from './model.js';
import { formatPoint, type LineIndex } from './line-index.js';

type TokenKind = 'id' | 'string' | 'html' | 'punct' | 'edgeop' | 'other' | 'eof';

interface Token {
  kind: TokenKind;
  value: string;
  start: number;
  end: number;
}

class DotSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const ID_CHAR = /[A-Za-z0-9_.\u0080-\uffff]/;

function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < to && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === '#' && (i === from || text[i - 1] === '\n')) {
      while (i < to && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1 || end + 2 > to) throw new DotSyntaxError('Unclosed `/*` comment', i, i + 2);
      i = end + 2;
      continue;
    }
    if (c === '-' && (text[i + 1] === '>' || text[i + 1] === '-')) {
      tokens.push({ kind: 'edgeop', value: text.slice(i, i + 2), start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('{}[]=;,:'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < to && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < to) {
          const next = text[j + 1]!;
          value += next === '"' ? '"' : next === '\n' ? '' : `\\${next}`;
          j += 2;
          continue;
        }
        value += text[j];
        j += 1;
      }
      if (j >= to) throw new DotSyntaxError('Unclosed quoted string', i, i + 1);
      tokens.push({ kind: 'string', value, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === '<') {
      let depth = 0;
      let j = i;
      for (; j < to; j += 1) {
        if (text[j] === '<') depth += 1;
        else if (text[j] === '>') {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      if (j >= to) throw new DotSyntaxError('Unclosed HTML label `<...>`', i, i + 1);
      tokens.push({ kind: 'html', value: text.slice(i + 1, j), start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === '-' || ID_CHAR.test(c)) {
      let j = i + 1;
      while (j < to && ID_CHAR.test(text[j]!)) j += 1;
      tokens.push({ kind: 'id', value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // Not DOT: left to the parser, whose error then says what was expected here.
    tokens.push({ kind: 'other', value: c, start: i, end: i + 1 });
    i += 1;
  }
  tokens.push({ kind: 'eof', value: '', start: to, end: to });
  return tokens;
}

/** Parses the DOT text in [from, to) of `text`. `position` is the `<logic_flow>` element's position. */
export function parseDot(text: string, from: number, to: number, index: LineIndex, position: Position): LogicFlow {
  const flow: LogicFlow = { nodes: [], edges: [], position };
  const nodeById = new Map<string, LogicFlowNode>();
  const declare = (id: string, start: number, end: number, attributes: Record<string, string> | null): void => {
    const existing = nodeById.get(id);
    if (existing) {
      if (attributes) {
        Object.assign(existing.attributes, attributes);
        if (attributes.label !== undefined) existing.label = attributes.label;
      }
      return;
    }
    const node: LogicFlowNode = { id, attributes: { ...(attributes ?? {}) }, position: index.position(start, end) };
    if (attributes?.label !== undefined) node.label = attributes.label;
    nodeById.set(id, node);
    flow.nodes.push(node);
  };

  let tokens: Token[];
  try {
    tokens = tokenize(text, from, to);
  } catch (error) {
    const e = error as DotSyntaxError;
    flow.error = { message: `${e.message} at ${formatPoint(index.point(e.start))} in the logic_flow graph.`, position: index.position(e.start, e.end) };
    return flow;
  }
  let k = 0;
  const peek = (ahead = 0): Token => tokens[Math.min(k + ahead, tokens.length - 1)]!;
  const next = (): Token => tokens[Math.min(k++, tokens.length - 1)]!;
  const fail = (expected: string, token: Token): never => {
    const found = token.kind === 'eof' ? 'the end of the block' : `\`${token.value}\``;
    throw new DotSyntaxError(`Expected ${expected} at ${formatPoint(index.point(token.start))}, found ${found}`, token.start, Math.max(token.end, token.start + 1));
  };
  const isId = (t: Token): boolean => t.kind === 'id' || t.kind === 'string' || t.kind === 'html';
  const expectPunct = (value: string, what: string): Token => {
    const t = next();
    if (t.kind !== 'punct' || t.value !== value) fail(what, t);
    return t;
  };

  const attrList = (): Record<string, string> => {
    const attrs: Record<string, string> = {};
    while (peek().kind === 'punct' && peek().value === '[') {
      next();
      while (!(peek().kind === 'punct' && peek().value === ']')) {
        const key = next();
        if (!isId(key)) fail('an attribute name or `]`', key);
        if (peek().kind === 'punct' && peek().value === '=') {
          next();
          const value = next();
          if (!isId(value)) fail(`a value for attribute \`${key.value}\``, value);
          attrs[key.value] = value.value;
        } else {
          attrs[key.value] = 'true';
        }
        if (peek().kind === 'punct' && (peek().value === ',' || peek().value === ';')) next();
      }
      next();
    }
    return attrs;
  };

  const nodeId = (): Token => {
    const t = next();
    if (!isId(t)) fail('a node id', t);
    if (peek().kind === 'punct' && peek().value === ':') {
      next();
      const port = next();
      if (!isId(port)) fail('a port name after `:`', port);
      if (peek().kind === 'punct' && peek().value === ':') {
        next();
        next();
      }
    }
    return t;
  };

  const stmtList = (): void => {
    for (;;) {
      const t = peek();
      if (t.kind === 'punct' && t.value === '}') return;
      if (t.kind === 'eof') fail('`}` closing the graph', t);
      if (t.kind === 'punct' && t.value === ';') {
        next();
        continue;
      }
      statement();
      if (peek().kind === 'punct' && peek().value === ';') next();
    }
  };

  let depth = 0;
  const subgraph = (): string[] => {
    const before = flow.nodes.length;
    const t = peek();
    if (++depth > 50) fail('subgraphs nested at most 50 deep', t);
    if (t.kind === 'id' && t.value.toLowerCase() === 'subgraph') {
      next();
      if (isId(peek())) next();
    }
    expectPunct('{', '`{` opening the subgraph');
    stmtList();
    expectPunct('}', '`}` closing the subgraph');
    depth -= 1;
    return flow.nodes.slice(before).map((node) => node.id);
  };

  const endpoint = (): { ids: string[]; start: number; end: number } => {
    const t = peek();
    if ((t.kind === 'id' && t.value.toLowerCase() === 'subgraph') || (t.kind === 'punct' && t.value === '{')) {
      const ids = subgraph();
      return { ids, start: t.start, end: tokens[k - 1]!.end };
    }
    const id = nodeId();
    return { ids: [id.value], start: id.start, end: id.end };
  };

  const statement = (): void => {
    const t = peek();
    const word = t.kind === 'id' ? t.value.toLowerCase() : '';
    if (word === 'node' || word === 'edge' || word === 'graph') {
      if (peek(1).kind === 'punct' && peek(1).value === '[') {
        next();
        attrList();
        return;
      }
    }
    if (isId(t) && peek(1).kind === 'punct' && peek(1).value === '=') {
      next();
      next();
      const value = next();
      if (!isId(value)) fail(`a value for graph attribute \`${t.value}\``, value);
      return;
    }
    const first = endpoint();
    if (peek().kind !== 'edgeop') {
      const attrs = attrList();
      for (const id of first.ids) declare(id, first.start, first.end, attrs);
      return;
    }
    const chain = [first];
    while (peek().kind === 'edgeop') {
      const op = next();
      const target = peek();
      if (!(isId(target) || (target.kind === 'punct' && target.value === '{') || (target.kind === 'id' && target.value.toLowerCase() === 'subgraph'))) {
        fail(`a node id after \`${op.value}\``, target);
      }
      chain.push(endpoint());
    }
    const attrs = attrList();
    const stmtEnd = tokens[k - 1]!.end;
    for (const part of chain) for (const id of part.ids) declare(id, part.start, part.end, null);
    for (let p = 0; p + 1 < chain.length; p += 1) {
      const a = chain[p]!;
      const b = chain[p + 1]!;
      for (const fromId of a.ids) {
        for (const toId of b.ids) {
          const edge: LogicFlowEdge = { from: fromId, to: toId, position: index.position(a.start, stmtEnd) };
          if (attrs.label !== undefined) edge.label = attrs.label;
          flow.edges.push(edge);
        }
      }
    }
  };

  try {
    let t = next();
    if (t.kind === 'id' && t.value.toLowerCase() === 'strict') t = next();
    if (!(t.kind === 'id' && (t.value.toLowerCase() === 'digraph' || t.value.toLowerCase() === 'graph'))) {
      fail('`digraph Name {` to start the logic_flow graph', t);
    }
    if (isId(peek())) flow.graphName = next().value;
    expectPunct('{', '`{` after the graph name');
    stmtList();
    expectPunct('}', '`}` closing the graph');
    const rest = peek();
    if (rest.kind !== 'eof') fail('nothing after the closing `}`', rest);
  } catch (error) {
    if (!(error instanceof DotSyntaxError)) throw error;
    flow.error = { message: `${error.message} in the logic_flow graph.`, position: index.position(error.start, error.end) };
  }
  return flow;
}
