/**
 * `gate_attest`: a human confirms a check that a machine cannot decide (a prose-only `<check>` or an
 * `attestation` verify kind). The confirmation comes from the human through MCP elicitation (a form
 * the client shows to the user: who, evidence, confirm); the model cannot fill it in, and there is
 * deliberately no argument that could stand in for it. Without elicitation the tool refuses and tells
 * the user how to attest in a terminal.
 *
 * Good: gate_attest { checkId: "code_review" } → the user answers the form "Ada / PR #12 approved / ✓"
 *       → recorded for HEAD, gate_check passes that check.
 * Bad:  gate_attest { checkId: "code_review", confirmed: true } → refused: not an argument.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import { BlockedError, FailedError, InputError, ShipgateError } from '../../errors.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema
    .default('production')
    .describe('Environment whose gate contains the check.'),
  checkId: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a snake_case check id like "code_review"')
    .describe('Id of the check to attest, as listed by gate_check under needsAttestation.'),
};

const outputSchema = {
  recorded: z.boolean(),
  id: z.string(),
  environment: z.string(),
  checkId: z.string(),
  commit: z.string(),
  by: z.string(),
  at: z.string().describe('ISO timestamp'),
  evidence: z.string(),
};

/** Same text as gates/resolve-attestation.ts attestCommand; kept here so tools/list never loads gates/. */
function terminalCommand(environment: string, checkId: string): string {
  return `shipgate attest ${checkId} --by "<your name>" --evidence "<what you checked>" --env ${environment}`;
}

function terminalHint(environment: string, checkId: string): string {
  return `A human runs \`${terminalCommand(environment, checkId)}\` in their own terminal, then gate_check is run again.`;
}

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'gate_attest',
  title: 'Attest a gate check (asks the human)',
  description:
    'Record a human confirmation for a gate check that needs one (listed by gate_check under needsAttestation). ' +
    'The user is asked directly through an elicitation form for their name, the evidence, and an explicit confirmation; ' +
    'the assistant cannot answer it. Refuses when the client cannot ask the user.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler({ environment, checkId }, context) {
    const where = `check ${checkId} (environment ${environment})`;
    if (!context.elicit) {
      throw new BlockedError(`Check ${checkId} needs a human to attest it, and this MCP client cannot ask one (it does not support elicitation). Nothing was recorded.`, {
        where,
        expected: 'an MCP client with elicitation support, or a human at a terminal',
        hint: terminalHint(environment, checkId),
      });
    }
    const [{ recordAttestation, validateAttestationInput }, { ELICIT_SCHEMA }, { headCommit }, { requireGateCheck }] = await Promise.all([
      import('../../gates/attestations.js'),
      import('../../gates/resolve-attestation.js'),
      import('../../project/git.js'),
      import('../../gates/list-gate-checks.js'),
    ]);
    // Never ask a human to confirm a check that no gate of this environment would read.
    await requireGateCheck(context.projectRoot, environment, checkId, context.env);
    const commit = await headCommit(context.projectRoot, context.signal);
    let answer;
    try {
      answer = await context.elicit(
        `shipgate: attest check "${checkId}" for ${environment} at commit ${commit.slice(0, 12)}.\n` +
          'Only a human who verified it may confirm. Your name, the evidence and the time are recorded.',
        ELICIT_SCHEMA as unknown as Record<string, unknown>,
      );
    } catch (error) {
      if (error instanceof ShipgateError) throw error;
      throw new FailedError(`Could not ask the user to attest ${checkId}: ${(error as Error).message}. Nothing was recorded.`, { where, hint: terminalHint(environment, checkId) });
    }
    if (answer.action === 'cancel') {
      // A non-interactive client (claude -p) cancels every form: asking again cannot help, a human can.
      throw new BlockedError(`The attestation form for ${checkId} was cancelled (the client could not show it to a human). Nothing was recorded; the gate still blocks on it.`, {
        where,
        expected: 'a human to confirm the check in their own terminal',
        hint: `Tell the user to run this in their own terminal, then call gate_check again: \`${terminalCommand(environment, checkId)}\``,
      });
    }
    if (answer.action !== 'accept') {
      throw new BlockedError(`The user ${answer.action === 'decline' ? 'declined' : 'cancelled'} the attestation of ${checkId}. Nothing was recorded; the gate still blocks on it.`, {
        where,
        // Headless (`claude -p`) the client declares forms but cancels every one: calling again cannot work.
        hint: `Do not call gate_attest again on your own. ${terminalHint(environment, checkId)}`,
      });
    }
    const content = answer.content ?? {};
    if (content.confirm !== true) {
      throw new BlockedError(`The user did not tick the confirmation for ${checkId}. Nothing was recorded.`, {
        where,
        expected: 'confirm = true',
        found: String(content.confirm),
        hint: 'The check stays open until a human confirms it.',
      });
    }
    if (typeof content.by !== 'string' || typeof content.evidence !== 'string') {
      throw new InputError(`The attestation form for ${checkId} came back without a name or evidence. Nothing was recorded.`, { where, expected: 'by and evidence as text' });
    }
    validateAttestationInput({ environment, checkId, by: content.by, evidence: content.evidence });
    const recorded = await recordAttestation({
      projectRoot: context.projectRoot,
      environment,
      checkId,
      by: content.by,
      evidence: content.evidence,
      now: context.now,
      via: 'elicitation',
      commit,
    });
    return {
      structured: {
        recorded: true,
        id: recorded.id,
        environment: recorded.environment,
        checkId: recorded.checkId,
        commit: recorded.commit,
        by: recorded.by,
        at: recorded.at,
        evidence: recorded.evidence,
      },
      text: `Recorded: ${recorded.by} attested ${checkId} for ${environment} at commit ${recorded.commit.slice(0, 12)} (${recorded.at}). Evidence: ${recorded.evidence}\nRun gate_check again to use it.`,
    };
  },
};
