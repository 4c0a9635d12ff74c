import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findAttestation,
  recordAttestation,
  validateAttestationInput
} from "./chunk-ELF2GQKJ.js";

// mcp-server/src/gates/resolve-attestation.ts
var ELICIT_SCHEMA = {
  type: "object",
  properties: {
    by: { type: "string", title: "Your name", description: "Who is attesting (a human, not the assistant)", minLength: 1, maxLength: 100 },
    evidence: { type: "string", title: "Evidence", description: "What you checked and where the proof is", minLength: 1, maxLength: 2e3 },
    confirm: { type: "boolean", title: "I confirm this check is satisfied", description: "Tick only if you verified it yourself" }
  },
  required: ["by", "evidence", "confirm"]
};
async function resolveAttestation(context, checkId, prompt, maxAgeMs) {
  const found = await findAttestation({ projectRoot: context.projectRoot, environment: context.environment, checkId, commit: context.commit, now: context.now, maxAgeMs });
  if (found) return passed(found, "recorded");
  if (context.elicit) {
    let answer;
    try {
      answer = await context.elicit(`shipgate gate "${context.environment}", check ${checkId}: ${prompt}
A human must confirm this; the assistant cannot.`, ELICIT_SCHEMA);
    } catch {
      answer = void 0;
    }
    const content = answer?.content ?? {};
    if (answer?.action === "accept" && content.confirm === true && typeof content.by === "string" && typeof content.evidence === "string") {
      try {
        validateAttestationInput({ environment: context.environment, checkId, by: content.by, evidence: content.evidence });
        const recorded = await recordAttestation({ projectRoot: context.projectRoot, environment: context.environment, checkId, by: content.by, evidence: content.evidence, now: context.now, via: "elicitation", commit: context.commit });
        return passed(recorded, "given just now");
      } catch (error) {
        return { status: "needs_attestation", prompt, message: `The attestation form was answered but not valid: ${error.message}` };
      }
    }
    const why = answer === void 0 ? "the question could not be asked" : answer.action === "accept" ? "it was not confirmed" : `it was ${answer.action === "decline" ? "declined" : "cancelled"}`;
    return { status: "needs_attestation", prompt, message: `Needs a human attestation (${why}): ${prompt}. ${howTo(context.environment, checkId)}` };
  }
  return { status: "needs_attestation", prompt, message: `Needs a human attestation: ${prompt}. ${howTo(context.environment, checkId)}` };
}
function howTo(environment, checkId) {
  return `A human runs \`shipgate attest ${checkId} --env ${environment} --by NAME --evidence TEXT\` in a terminal, then the gate is run again.`;
}
function passed(a, how) {
  return { status: "passed", message: `Attested by ${a.by} at ${a.at} (${how}): ${a.evidence}`, attestation: { by: a.by, at: a.at, evidence: a.evidence } };
}

export {
  ELICIT_SCHEMA,
  resolveAttestation
};
