/**
 * Decides a check that needs a human: a recorded attestation for this commit and environment passes
 * it; otherwise, when the MCP client supports elicitation, the human is asked (the model cannot answer
 * an elicitation form); otherwise the check stays `needs_attestation` and the gate blocks.
 *
 * Good: elicitation accepted with by="Ada", evidence="PR #12", confirm=true → recorded, passed.
 * Bad:  treating a declined or cancelled form, or confirm=false, as a pass.
 */
import { findAttestation, readAttestations, recordAttestation, validateAttestationInput, type Attestation } from './attestations.js';
import type { VersioningFacts } from './release-commit.js';

/** A human's answer to an elicitation form (the MCP client shows it; the model cannot fill it in). */
export interface ElicitResult {
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

/** Ask the human through MCP elicitation (server/build-tool-context.ts provides it when the client can). */
export type Elicit = (message: string, requestedSchema: Record<string, unknown>) => Promise<ElicitResult>;

export interface AttestationContext {
  projectRoot: string;
  environment: string;
  commit: string;
  now: () => Date;
  elicit?: Elicit;
  /** The loaded configuration: its versioning lets an attestation carry over to the release commit. */
  config?: { versioning: VersioningFacts };
}

export interface AttestationOutcome {
  status: 'passed' | 'needs_attestation';
  message: string;
  /** What the human is asked to confirm (set when still needed). */
  prompt?: string;
  attestation?: { by: string; at: string; evidence: string };
}

export const ELICIT_SCHEMA = {
  type: 'object',
  properties: {
    by: { type: 'string', title: 'Your name', description: 'Who is attesting (a human, not the assistant)', minLength: 1, maxLength: 100 },
    evidence: { type: 'string', title: 'Evidence', description: 'What you checked and where the proof is', minLength: 1, maxLength: 2000 },
    confirm: { type: 'boolean', title: 'I confirm this check is satisfied', description: 'Tick only if you verified it yourself' },
  },
  required: ['by', 'evidence', 'confirm'],
} as const;

export async function resolveAttestation(context: AttestationContext, checkId: string, prompt: string, maxAgeMs?: number): Promise<AttestationOutcome> {
  const found = await findAttestation({ projectRoot: context.projectRoot, environment: context.environment, checkId, commit: context.commit, now: context.now, maxAgeMs, ...(context.config ? { versioning: context.config.versioning } : {}) });
  if (found) return passed(found, found.commit === context.commit ? 'recorded' : `recorded for the gated commit ${found.commit.slice(0, 12)}`);
  const refused = await refusedNote(context.projectRoot);
  if (context.elicit) {
    let answer: ElicitResult | undefined;
    try {
      answer = await context.elicit(`shipgate gate "${context.environment}", check ${checkId}: ${prompt}\nA human must confirm this; the assistant cannot.`, ELICIT_SCHEMA);
    } catch {
      answer = undefined;
    }
    const content = answer?.content ?? {};
    if (answer?.action === 'accept' && content.confirm === true && typeof content.by === 'string' && typeof content.evidence === 'string') {
      try {
        validateAttestationInput({ environment: context.environment, checkId, by: content.by, evidence: content.evidence });
        const recorded = await recordAttestation({ projectRoot: context.projectRoot, environment: context.environment, checkId, by: content.by, evidence: content.evidence, now: context.now, via: 'elicitation', commit: context.commit });
        return passed(recorded, 'given just now');
      } catch (error) {
        return { status: 'needs_attestation', prompt, message: `The attestation form was answered but not valid: ${(error as Error).message}` };
      }
    }
    const why = answer === undefined ? 'the question could not be asked' : answer.action === 'accept' ? 'it was not confirmed' : `it was ${answer.action === 'decline' ? 'declined' : 'cancelled'}`;
    return { status: 'needs_attestation', prompt, message: `Needs a human attestation (${why}): ${prompt}.${refused} ${howTo(context.environment, checkId)}` };
  }
  return { status: 'needs_attestation', prompt, message: `Needs a human attestation: ${prompt}.${refused} ${howTo(context.environment, checkId)}` };
}

/** The exact command a human types in their own terminal (a TTY; the agent's shell is not one). */
export function attestCommand(environment: string, checkId: string): string {
  return `shipgate attest ${checkId} --by "<your name>" --evidence "<what you checked>" --env ${environment}`;
}

function howTo(environment: string, checkId: string): string {
  return `A human runs \`${attestCommand(environment, checkId)}\` in their own terminal, then the gate is run again.`;
}

async function refusedNote(projectRoot: string): Promise<string> {
  const { refusedLines, file } = await readAttestations(projectRoot).catch(() => ({ refusedLines: [] as number[], file: '' }));
  return refusedLines.length ? ` (${refusedLines.length} line${refusedLines.length > 1 ? 's' : ''} of ${file} refused: no valid signature)` : '';
}

function passed(a: Attestation, how: string): AttestationOutcome {
  return { status: 'passed', message: `Attested by ${a.by} at ${a.at} (${how}): ${a.evidence}`, attestation: { by: a.by, at: a.at, evidence: a.evidence } };
}
