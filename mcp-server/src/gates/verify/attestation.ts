/**
 * `attestation`: a named human confirms; who, when and the evidence are recorded for this commit.
 *
 * Good: `<verify kind="attestation" role="reviewer" prompt="Recent commits reviewed and approved"/>`
 * Bad:  a tool argument `confirmed: true` standing in for the human (there is no such argument).
 */
import { parseDuration } from '../../util/duration.js';
import { resolveAttestation } from '../resolve-attestation.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const attestationKind: VerifyKind = {
  kind: 'attestation',
  async verify(spec, context) {
    const role = attribute(spec, 'role');
    const prompt = attribute(spec, 'prompt') ?? spec.text.trim() ?? `confirm ${context.checkId}`;
    const maxAgeText = attribute(spec, 'max_age');
    const maxAgeMs = maxAgeText ? parseDuration(maxAgeText) : undefined;
    return resolveAttestation(context, context.checkId, role ? `${prompt} (by a ${role})` : prompt || `confirm ${context.checkId}`, maxAgeMs);
  },
};
