/**
 * Turns the scanned XML elements into the typed SkillModel (mission control, safety gates and their
 * checks, rollback procedures, logic flows, pitfalls, critical constraints). Blocks are found at any
 * depth (inside `<workflow>` too). Pure: reads elements, reports shape problems (`skill-model`) that
 * the model cannot represent, such as a timeout that is not a duration.
 *
 * Good: `<check id="tests_pass"><command>npm test</command><expected>exit 0</expected></check>` →
 *       a command decider. `<check id="code_review"><requirement>..</requirement></check>` → attestation.
 * Bad:  `<check id="x"><timeout>soon</timeout></check>` → problem "Expected a duration like `30s`".
 */
import type {
  CheckDecider,
  GateCheck,
  LogicFlow,
  MissionControl,
  ParseProblem,
  Pitfall,
  RollbackProcedure,
  RollbackStep,
  SafetyGate,
  SkillModel,
  TriggerCondition,
  XmlElement,
} from './model.js';
import type { LineIndex } from './line-index.js';
import type { ElementSpan } from './scan-xml.js';
import { parseDot } from './parse-dot.js';
import { cleanTitle, labelledFields, toSnakeCase } from './labelled-fields.js';
import { parseDuration } from '../util/duration.js';

interface Context {
  text: string;
  index: LineIndex;
  spans: Map<XmlElement, ElementSpan>;
  problems: ParseProblem[];
}

export function interpretModel(
  elements: XmlElement[],
  spans: Map<XmlElement, ElementSpan>,
  text: string,
  index: LineIndex,
  problems: ParseProblem[],
): SkillModel {
  const ctx: Context = { text, index, spans, problems };
  const model: SkillModel = { missionControl: [], safetyGates: [], rollbackProcedures: [], logicFlows: [], pitfalls: [], criticalConstraints: [] };
  for (const element of walk(elements)) {
    switch (element.name) {
      case 'mission_control':
        model.missionControl.push(missionControl(element));
        break;
      case 'safety_gate':
        model.safetyGates.push(safetyGate(element, ctx));
        break;
      case 'rollback_procedure':
        model.rollbackProcedures.push(rollbackProcedure(element, ctx));
        break;
      case 'logic_flow':
        model.logicFlows.push(logicFlow(element, ctx));
        break;
      case 'pitfall':
        model.pitfalls.push(pitfall(element));
        break;
      case 'critical_constraint':
        model.criticalConstraints.push({ text: element.text, position: element.position });
        break;
      default:
        break;
    }
  }
  checkIds(model, ctx);
  return model;
}

const CHECK_ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * A gate check's id is how receipts, attestations, records and `shipgate attest` name it, so a check
 * without one, with one that is not snake_case, or with one used twice cannot run in a gate. Reported
 * under the validator's own rule ids (`check-id-format`, `check-id-unique`): `shipgate validate` shows
 * the rule's diagnostic once, and the gate refuses the skill with the same line.
 */
function checkIds(model: SkillModel, ctx: Context): void {
  const seen = new Map<string, number>();
  for (const gate of model.safetyGates) {
    for (const check of gate.checks) {
      const at = check.position;
      if (!CHECK_ID.test(check.id)) {
        ctx.problems.push({
          ruleId: 'check-id-format',
          severity: 'error',
          message: check.id === '' ? 'Unexpected check without id, expected id="snake_case_name".' : `Unexpected check id ${JSON.stringify(check.id.slice(0, 80))}, expected snake_case (e.g. "tests_pass").`,
          position: at,
        });
        continue;
      }
      const first = seen.get(check.id);
      if (first === undefined) seen.set(check.id, check.position.line);
      else ctx.problems.push({ ruleId: 'check-id-unique', severity: 'error', message: `Unexpected duplicate check id "${check.id}" (first at line ${first}), expected each id once per skill.`, position: at });
    }
  }
}

/** Every element in document order, depth first, without recursion. */
export function* walk(elements: XmlElement[]): Generator<XmlElement> {
  const stack: XmlElement[] = [...elements].reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    yield element;
    for (let i = element.children.length - 1; i >= 0; i -= 1) stack.push(element.children[i]!);
  }
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

function childText(element: XmlElement, name: string): string | undefined {
  const found = child(element, name);
  return found ? found.text : undefined;
}

/** Descendants named `name`, not looking inside elements named `name` (a check inside a check is not a gate check). */
function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [...element.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) {
      found.push(next);
      continue;
    }
    for (let i = next.children.length - 1; i >= 0; i -= 1) stack.push(next.children[i]!);
  }
  return found;
}

function missionControl(element: XmlElement): MissionControl {
  const result: MissionControl = { position: element.position };
  const objective = childText(element, 'objective');
  const successCriteria = childText(element, 'success_criteria');
  if (objective !== undefined) result.objective = objective;
  if (successCriteria !== undefined) result.successCriteria = successCriteria;
  return result;
}

function safetyGate(element: XmlElement, ctx: Context): SafetyGate {
  const rawType = element.attributes.type;
  let type: SafetyGate['type'] = 'blocking';
  if (rawType === 'advisory' || rawType === 'blocking') type = rawType;
  else if (rawType !== undefined) {
    ctx.problems.push({
      ruleId: 'skill-model',
      severity: 'error',
      message: `Unexpected safety_gate type ${JSON.stringify(rawType)}, expected "blocking" or "advisory"; read as "blocking".`,
      position: element.attributePositions.type ?? element.position,
    });
  }
  const gate: SafetyGate = { type, checks: descendants(element, 'check').map((c) => check(c, ctx)), position: element.position };
  if (element.attributes.phase !== undefined) gate.phase = element.attributes.phase;
  const purpose = childText(element, 'purpose');
  if (purpose !== undefined) gate.purpose = purpose;
  const validation = childText(element, 'gate_validation');
  if (validation !== undefined) gate.validation = validation;
  return gate;
}

function check(element: XmlElement, ctx: Context): GateCheck {
  const deciders: CheckDecider[] = [];
  const expectedElement = child(element, 'expected');
  for (const c of element.children) {
    if (c.name === 'command') {
      const decider: CheckDecider = { kind: 'command', command: c.text, position: c.position };
      if (expectedElement) decider.expected = expectedElement.text;
      deciders.push(decider);
    } else if (c.name === 'verify') {
      deciders.push({ kind: 'verify', verify: { kind: c.attributes.kind ?? '', attributes: c.attributes, text: c.text, position: c.position } });
    }
  }
  const requirement = child(element, 'requirement');
  const verification = child(element, 'verification');
  if (deciders.length === 0 && (requirement || verification)) {
    const decider: CheckDecider = { kind: 'attestation', position: (requirement ?? verification)!.position };
    if (requirement) decider.requirement = requirement.text;
    if (verification) decider.verification = verification.text;
    deciders.push(decider);
  }
  const result: GateCheck = { id: element.attributes.id ?? '', decider: deciders[0] ?? null, deciders, position: element.position };
  if (requirement) result.requirement = requirement.text;
  if (verification) result.verification = verification.text;
  if (expectedElement) result.expected = expectedElement.text;
  const failureMode = childText(element, 'failure_mode');
  if (failureMode !== undefined) result.failureMode = failureMode;
  const timeoutMs = timeoutOf(element, ctx);
  if (timeoutMs !== undefined) result.timeoutMs = timeoutMs;
  return result;
}

/** `<timeout>` child first, then a `timeout` attribute; a value that is not a duration is a problem. */
function timeoutOf(element: XmlElement, ctx: Context): number | undefined {
  const timeoutElement = child(element, 'timeout');
  const raw = timeoutElement ? timeoutElement.text : element.attributes.timeout;
  if (raw === undefined) return undefined;
  const ms = parseDuration(raw);
  if (ms === undefined) {
    ctx.problems.push({
      ruleId: 'skill-model',
      severity: 'error',
      message: `Expected a duration like \`30s\`, \`5m\` or \`120 seconds\` for the timeout of <${element.name}>, found ${JSON.stringify(raw)}.`,
      position: timeoutElement?.position ?? element.attributePositions.timeout ?? element.position,
    });
  }
  return ms;
}

function numberAttribute(element: XmlElement, name: string, ctx: Context): number | undefined {
  const raw = element.attributes[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  const value = trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    ctx.problems.push({
      ruleId: 'skill-model',
      severity: 'error',
      message: `Expected a number for ${name}= on <${element.name}>, found ${JSON.stringify(raw)}. Write e.g. ${name}="0.05".`,
      position: element.attributePositions[name] ?? element.position,
    });
    return undefined;
  }
  return value;
}

function triggerCondition(element: XmlElement, ctx: Context): TriggerCondition {
  const condition: TriggerCondition = { text: element.text, position: element.position };
  const { metric, event } = element.attributes;
  if (metric !== undefined) condition.metric = metric;
  if (event !== undefined) condition.event = event;
  if (element.attributes.command !== undefined) condition.command = element.attributes.command;
  condition.attributePositions = element.attributePositions;
  const above = numberAttribute(element, 'above', ctx);
  if (above !== undefined) condition.above = above;
  const below = numberAttribute(element, 'below', ctx);
  if (below !== undefined) condition.below = below;
  const rawFor = element.attributes.for;
  if (rawFor !== undefined) {
    const forMs = parseDuration(rawFor);
    if (forMs === undefined) {
      ctx.problems.push({
        ruleId: 'skill-model',
        severity: 'error',
        message: `Expected a duration like \`2m\` for for= on <condition>, found ${JSON.stringify(rawFor)}.`,
        position: element.attributePositions.for ?? element.position,
      });
    } else condition.forMs = forMs;
  }
  return condition;
}

/** List items of a prose block: `- a`, `* b`, `1. c`; plain lines when there is no list. */
function listItems(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const items = lines.filter((line) => /^(?:[-*+]|\d+[.)])\s+/.test(line)).map((line) => line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').trim());
  return items.length > 0 ? items : lines;
}

function rollbackStep(element: XmlElement, ctx: Context): RollbackStep {
  const id = element.attributes.id ?? '';
  const step: RollbackStep = { id, actions: [], position: element.position };
  if (/^\d+$/.test(id.trim())) step.number = Number(id.trim());
  if (element.attributes.action !== undefined) step.action = element.attributes.action;
  const command = childText(element, 'command');
  if (command !== undefined) step.command = command;
  const timeoutMs = timeoutOf(element, ctx);
  if (timeoutMs !== undefined) step.timeoutMs = timeoutMs;
  const expected = childText(element, 'expected');
  if (expected !== undefined) step.expected = expected;
  const investigation = childText(element, 'investigation');
  if (investigation !== undefined) step.investigation = investigation;
  const actions = child(element, 'actions');
  if (actions) step.actions = listItems(actions.text);
  return step;
}

function rollbackProcedure(element: XmlElement, ctx: Context): RollbackProcedure {
  const stepsElement = child(element, 'steps');
  const procedure: RollbackProcedure = {
    triggerConditions: descendants(element, 'condition').map((c) => triggerCondition(c, ctx)),
    sequential: (stepsElement?.attributes.sequential ?? 'true').trim().toLowerCase() !== 'false',
    steps: (stepsElement ? stepsElement.children : element.children).filter((c) => c.name === 'step').map((s) => rollbackStep(s, ctx)),
    position: element.position,
  };
  const purpose = childText(element, 'purpose');
  if (purpose !== undefined) procedure.purpose = purpose;
  return procedure;
}

function logicFlow(element: XmlElement, ctx: Context): LogicFlow {
  const span = ctx.spans.get(element);
  if (!span) return { nodes: [], edges: [], position: element.position, error: { message: 'The logic_flow block could not be read.', position: element.position } };
  return parseDot(ctx.text, span.innerStart, span.innerEnd, ctx.index, element.position);
}

function pitfall(element: XmlElement): Pitfall {
  const rawId = element.attributes.id ?? element.attributes.name ?? '';
  const body = element.text;
  const fields = labelledFields(body);
  const titleLine = body.split('\n').find((line) => /^\s*(?:\*\*[^*]+\*\*|__[^_]+__|#{1,6}\s+\S.*)\s*$/.test(line));
  const title = titleLine ? cleanTitle(titleLine) : rawId.replace(/[_-]+/g, ' ').trim();
  const result: Pitfall = { id: toSnakeCase(rawId) || toSnakeCase(title), title, body, position: element.position };
  const impact = element.attributes.impact ?? fields.impact;
  if (impact) result.impact = impact;
  const prevention = childText(element, 'prevention') ?? fields.prevention;
  if (prevention) result.prevention = prevention;
  const detection = childText(element, 'detection') ?? fields.detection;
  if (detection) result.detection = detection;
  return result;
}
