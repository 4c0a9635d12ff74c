/**
 * The `<verify kind="...">` vocabulary of the skill language: which kinds exist and which attributes
 * each takes. The validator checks skills against this table; gates/verify/ implements each kind (one
 * file per kind) and a test asserts the two agree. Adding a kind: add a row here and a file there.
 */
export interface VerifyKindSpec {
  kind: string;
  summary: string;
  required: string[];
  optional: string[];
  /** Whether the element's text is meaningful (the command for kind="command"). */
  text?: 'required' | 'optional';
  example: string;
}

export const VERIFY_KINDS: readonly VerifyKindSpec[] = [
  { kind: 'command', summary: 'runs a repository command; passes on exit code 0 (or `exit_code`)', required: [], optional: ['exit_code', 'timeout', 'output_contains'], text: 'required', example: '<verify kind="command" timeout="10m">npm test</verify>' },
  { kind: 'file-exists', summary: 'a file matching a glob exists; YYYY, MM, DD and YYYY-MM-DD are replaced with today\'s date', required: ['path'], optional: ['min_size'], example: '<verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/>' },
  { kind: 'file-age', summary: 'the newest file matching a glob is younger than max_age', required: ['path', 'max_age'], optional: [], example: '<verify kind="file-age" path="backups/*.log" max_age="24h"/>' },
  { kind: 'state', summary: 'a key path in a YAML/JSON state file equals a value (or is in a list)', required: ['key'], optional: ['file', 'equals', 'in'], example: '<verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>' },
  { kind: 'git-clean', summary: 'the working tree has no uncommitted changes', required: [], optional: ['allow_untracked'], example: '<verify kind="git-clean"/>' },
  { kind: 'git-branch', summary: 'HEAD is on the named branch (or one of a comma list / glob)', required: ['branch'], optional: [], example: '<verify kind="git-branch" branch="main"/>' },
  { kind: 'http', summary: 'an HTTP GET answers with the status (and body text) expected', required: ['url'], optional: ['status', 'body_contains', 'timeout', 'method'], example: '<verify kind="http" url="{url}/health" status="200"/>' },
  { kind: 'deploy-window', summary: 'now is inside the project\'s deployment window policy (deny days/hours, holidays)', required: [], optional: [], example: '<verify kind="deploy-window"/>' },
  { kind: 'attestation', summary: 'a named human confirms; who, when and evidence are recorded', required: [], optional: ['role', 'prompt', 'max_age'], example: '<verify kind="attestation" role="reviewer" prompt="Recent commits reviewed and approved"/>' },
];

export const VERIFY_KIND_NAMES: readonly string[] = VERIFY_KINDS.map((k) => k.kind);

/** Failure modes a check may declare. Blocking gates block on any of them; `warn` only reports. */
export const FAILURE_MODES: readonly string[] = ['BLOCK deployment', 'block', 'warn', 'WARN'];

/** Machine-readable trigger condition vocabulary for `<condition>` in `<rollback_procedure>`. */
export const TRIGGER_METRICS: readonly string[] = ['health_failing', 'error_rate', 'latency_p95', 'latency_increase', 'error_rate_increase'];
export const TRIGGER_EVENTS: readonly string[] = ['manual_abort', 'migration_failure', 'provider_failure', 'smoke_test_failure'];
