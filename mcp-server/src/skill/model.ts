/**
 * The typed model of a shipgate skill: the contract between the parser (skill/parse-skill.ts) and every
 * reader (validator rules, the gate engine, rollback, the learnings catalog). Every node carries its
 * 1-based position in the original file. Nobody re-parses text: read these types.
 *
 * Fields may be ADDED by the parser's owner; none may be removed or change meaning without updating
 * every reader.
 */

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A problem found while parsing (malformed YAML, unclosed XML ...). The validator reports these. */
export interface ParseProblem {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  position: Position;
}

/** A raw XML element found in the Markdown body, outside code fences. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Position of each attribute value, by attribute name. */
  attributePositions: Record<string, Position>;
  children: XmlElement[];
  /** The element's text content with child elements removed, trimmed, list markers kept. */
  text: string;
  /** The full inner source text (children included), as written. */
  innerSource: string;
  position: Position;
}

export interface Frontmatter {
  /** Parsed YAML mapping (empty when absent or unparseable). */
  data: Record<string, unknown>;
  /** Position of each top-level key. */
  keys: Record<string, Position>;
  /** Position of the value of each top-level key. */
  values: Record<string, Position>;
  /** The whole frontmatter block including the `---` fences. */
  position: Position;
  /** Raw YAML text between the fences. */
  raw: string;
}

export type DocumentKind = 'skill' | 'command' | 'agent' | 'reference' | 'other';

export interface SkillDocument {
  path: string;
  kind: DocumentKind;
  text: string;
  /** null when the file has no frontmatter. */
  frontmatter: Frontmatter | null;
  /** Top-level XML elements found in the body (outside code fences), in document order. */
  elements: XmlElement[];
  /** Problems found while parsing (YAML, XML well-formedness, model shape). */
  problems: ParseProblem[];
  /** The control blocks, interpreted. */
  model: SkillModel;
}

export interface SkillModel {
  missionControl: MissionControl[];
  safetyGates: SafetyGate[];
  rollbackProcedures: RollbackProcedure[];
  logicFlows: LogicFlow[];
  pitfalls: Pitfall[];
  criticalConstraints: { text: string; position: Position }[];
}

export interface MissionControl {
  objective?: string;
  successCriteria?: string;
  position: Position;
}

export type GateType = 'blocking' | 'advisory';

export interface SafetyGate {
  type: GateType;
  phase?: string;
  purpose?: string;
  checks: GateCheck[];
  validation?: string;
  position: Position;
}

/** How a check is decided. Exactly one per check; the validator reports zero or several. */
export type CheckDecider =
  | { kind: 'command'; command: string; expected?: string; position: Position }
  | { kind: 'verify'; verify: VerifySpec }
  | { kind: 'attestation'; requirement?: string; verification?: string; position: Position };

/** `<verify kind="file-age" path="backups/*.log" max_age="24h"/>`: attributes as written. */
export interface VerifySpec {
  kind: string;
  attributes: Record<string, string>;
  /** Text content, if any (e.g. a command for kind="command"). */
  text: string;
  position: Position;
}

export interface GateCheck {
  id: string;
  /** The decider chosen for this check (first one found); `deciders` lists all that were written. */
  decider: CheckDecider | null;
  deciders: CheckDecider[];
  requirement?: string;
  verification?: string;
  expected?: string;
  failureMode?: string;
  /** Milliseconds, parsed from `<timeout>` or a `timeout` attribute. */
  timeoutMs?: number;
  position: Position;
}

export interface TriggerCondition {
  text: string;
  /** Machine form, when written: `<condition metric="error_rate" above="0.05" for="2m">`. */
  metric?: string;
  above?: number;
  below?: number;
  /** Milliseconds. */
  forMs?: number;
  /** e.g. `manual`, `migration_failure`, when the condition is an event rather than a metric. */
  event?: string;
  /** The event's signal: a repository command whose non-zero exit means the event happened. */
  command?: string;
  /** Where each attribute's value is, for diagnostics. */
  attributePositions?: Record<string, Position>;
  position: Position;
}

export interface RollbackStep {
  id: string;
  /** Number parsed from id when numeric. */
  number?: number;
  action?: string;
  command?: string;
  timeoutMs?: number;
  expected?: string;
  investigation?: string;
  actions: string[];
  position: Position;
}

export interface RollbackProcedure {
  purpose?: string;
  triggerConditions: TriggerCondition[];
  sequential: boolean;
  steps: RollbackStep[];
  position: Position;
}

export interface LogicFlowNode {
  id: string;
  label?: string;
  attributes: Record<string, string>;
  position: Position;
}

export interface LogicFlowEdge {
  from: string;
  to: string;
  label?: string;
  position: Position;
}

export interface LogicFlow {
  graphName?: string;
  nodes: LogicFlowNode[];
  edges: LogicFlowEdge[];
  /** Set when the DOT text does not parse; nodes/edges are then what was read before the error. */
  error?: { message: string; position: Position };
  position: Position;
}

/**
 * What a skill says about one pitfall: the one shape the learnings catalog (CatalogEntry), the merge
 * and the per-file reader extend, so a field added here reaches all of them.
 */
export interface PitfallText {
  /** From `id` or `name`, snake_case. For seed 004's Markdown headings, derived from the title. */
  id: string;
  title: string;
  impact?: string;
  prevention?: string;
  detection?: string;
}

export interface Pitfall extends PitfallText {
  body: string;
  position: Position;
}
