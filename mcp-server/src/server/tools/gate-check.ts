/**
 * `gate_check`: run the safety gate(s) of an environment (the `<safety_gate>` checks of the configured
 * gate skills) for the current commit. When every blocking check passes it issues a receipt bound to
 * this commit, gate and config; `deploy` refuses without one. The result is computed by running the
 * checks, so there is no argument that could stand in for it.
 *
 * Good: gate_check { environment: "production" } → ok, receipt { id, expiresAt }, one progress
 *       notification per check.
 * Bad:  gate_check { environment: "production", passed: true } → refused: not an argument.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema
    .default('production')
    .describe('Environment whose gate to run, as named in shipgate.config.yaml.'),
  all: z.boolean().optional().describe('Run every check and report every failure, instead of stopping at the first blocking failure.'),
};

const checkSchema = z.object({
  id: z.string(),
  gate: z.string().describe('The gate skill file the check comes from'),
  line: z.number().int().describe('1-based line of the check in its gate skill'),
  type: z.enum(['blocking', 'advisory']),
  decider: z.enum(['command', 'verify', 'attestation']).describe('What decides the check: a command, a verify kind, or a human attestation'),
  verifyKind: z.string().optional(),
  status: z.enum(['passed', 'failed', 'needs_attestation', 'skipped', 'error']),
  message: z.string(),
  durationMs: z.number(),
  outputTail: z.string().optional().describe('Last lines of the command output (secrets redacted)'),
  attestation: z.object({ by: z.string(), at: z.string(), evidence: z.string() }).optional(),
});

const outputSchema = {
  ok: z.boolean().describe('True when every blocking check passed and a receipt was issued'),
  environment: z.string(),
  commit: z.string(),
  checks: z.array(checkSchema),
  blockedBy: z.array(z.string()).describe('Ids of the blocking checks that did not pass'),
  receipt: z.object({ id: z.string(), expiresAt: z.string() }).optional(),
  needsAttestation: z.array(z.object({ checkId: z.string(), prompt: z.string() })).describe('Checks a human must confirm with gate_attest'),
  protectionLevel: z.enum(['guarded', 'signed', 'sandboxed']).optional().describe('Protection level in force (shipgate doctor): what keeps the agent away from gate state'),
};

type GateCheckOutput = z.objectOutputType<typeof outputSchema, z.ZodTypeAny>;

const STATUS_MARK: Record<string, string> = { passed: '✔', failed: '✘', skipped: '-', needs_attestation: '?', error: '!' };

function render(output: GateCheckOutput, durationMs: number): string {
  const head = output.ok
    ? `Gate ${output.environment} PASSED for commit ${output.commit.slice(0, 12)} in ${durationMs} ms. Receipt ${output.receipt?.id ?? '(none)'} valid until ${output.receipt?.expiresAt ?? '?'}.`
    : `Gate ${output.environment} BLOCKED for commit ${output.commit.slice(0, 12)} by: ${output.blockedBy.join(', ') || '(no passing receipt)'}. Deploying is refused until these pass.`;
  const lines = output.checks.map((check) => `${STATUS_MARK[check.status] ?? '·'} ${check.id} [${check.type}] ${check.status}: ${check.message}`);
  const attest = output.needsAttestation.length
    ? [`A human must attest: ${output.needsAttestation.map((n) => n.checkId).join(', ')} (gate_attest asks them; or they run \`shipgate attest CHECK_ID --by "<your name>" --evidence "<what you checked>" --env ${output.environment}\` in their own terminal).`]
    : [];
  const level = output.protectionLevel ? [`Protection level: ${output.protectionLevel} (shipgate doctor).`] : [];
  return [head, ...lines, ...attest, ...level].join('\n');
}

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'gate_check',
  title: 'Run the safety gate',
  description:
    'Run the blocking and advisory checks of the safety gate(s) configured for an environment against the current commit ' +
    '(commands from the gate skills, machine-checked verifications, human attestations). ' +
    'When every blocking check passes, issue a receipt that deploy requires for this exact commit. Reports progress per check.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ environment, all }, context) {
    const { runGate } = await import('../../gates/run-gate.js');
    const result = await runGate({
      projectRoot: context.projectRoot,
      environment,
      ...(all !== undefined ? { all } : {}),
      now: context.now,
      signal: context.signal,
      env: context.env,
      // One notification per finished check; progress must only grow, so 'running' events are not sent.
      onProgress: (event) => {
        if (event.status === 'running') return;
        void context.progress(event.index + 1, event.total, `${event.checkId}: ${event.status}${event.message ? ` (${event.message})` : ''}`);
      },
      ...(context.elicit ? { elicit: context.elicit } : {}),
    });
    const output: GateCheckOutput = {
      ok: result.ok,
      environment: result.environment,
      commit: result.commit,
      checks: result.checks.map((check) => ({
        id: check.id,
        gate: check.gate,
        line: check.line,
        type: check.type,
        decider: check.decider,
        ...(check.verifyKind !== undefined ? { verifyKind: check.verifyKind } : {}),
        status: check.status,
        message: check.message,
        durationMs: check.durationMs,
        ...(check.outputTail !== undefined ? { outputTail: check.outputTail } : {}),
        ...(check.attestation ? { attestation: { by: check.attestation.by, at: check.attestation.at, evidence: check.attestation.evidence } } : {}),
      })),
      blockedBy: result.blockedBy,
      ...(result.receipt ? { receipt: { id: result.receipt.id, expiresAt: result.receipt.expiresAt } } : {}),
      needsAttestation: result.needsAttestation.map((n) => ({ checkId: n.checkId, prompt: n.prompt })),
    };
    const { runDoctor } = await import('../../protection/doctor.js');
    const report = await runDoctor(context.projectRoot, { env: context.env }).catch(() => undefined);
    if (report) output.protectionLevel = report.level;
    for (const check of output.checks) {
      if (check.status !== 'passed' && check.type === 'blocking') await context.log('warning', `gate ${environment}: ${check.id} ${check.status}: ${check.message}`);
    }
    if (result.team && 'warning' in result.team) await context.log('warning', result.team.warning);
    const team = result.team ? `\n${'published' in result.team ? `Signed gate record published: ${result.team.published}` : `WARNING: ${result.team.warning}`}` : '';
    return { structured: output, text: `${render(output, result.durationMs)}${team}` };
  },
};
