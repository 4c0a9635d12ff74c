/**
 * `shipgate attest <check-id> --by NAME --evidence TEXT [--env E] [--json]`: a human, in a terminal,
 * records that a check is satisfied for the current commit. The check must exist in the environment's
 * gate skills (or be `deploy_window_override`).
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { recordAttestation, validateAttestationInput } from '../../gates/attestations.js';
import { requireGateCheck } from '../../gates/list-gate-checks.js';
import { UsageError, quote } from '../../errors.js';

export const command: CliCommand = {
  name: 'attest',
  summary: 'Record a human attestation for a check (who, when, evidence).',
  usage: '  shipgate attest <check-id> --by NAME --evidence TEXT [--env production] [--json]',
  options: { by: { type: 'string' }, evidence: { type: 'string' }, env: { type: 'string', short: 'e' } },
  allowPositionals: true,
  async run(input, context) {
    const [checkId, ...extra] = input.positionals;
    if (!checkId || extra.length) throw new UsageError('shipgate attest needs exactly one check id.', { expected: 'shipgate attest <check-id> --by NAME --evidence TEXT', found: quote(input.positionals.join(' '), 80) });
    const by = typeof input.values.by === 'string' ? input.values.by : '';
    const evidence = typeof input.values.evidence === 'string' ? input.values.evidence : '';
    const environment = typeof input.values.env === 'string' ? input.values.env : 'production';
    validateAttestationInput({ checkId, by, evidence, environment });
    const projectRoot = await findProjectRoot(context.cwd);
    await requireGateCheck(projectRoot, environment, checkId, context.env);
    const attestation = await recordAttestation({ projectRoot, environment, checkId, by, evidence, now: context.now, via: 'cli' });
    context.stdout.write(input.json ? `${JSON.stringify({ ok: true, attestation }, null, 2)}\n` : `Recorded: ${checkId} attested by ${attestation.by} for ${environment} at ${attestation.commit.slice(0, 12)} (${attestation.at}).\nRun \`shipgate gate --env ${environment}\` again.\n`);
    return 0;
  },
};
