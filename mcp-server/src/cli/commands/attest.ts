/**
 * `shipgate attest <check-id> --by NAME --evidence TEXT [--env E] [--json]`: a human, in a terminal,
 * records that a check is satisfied for the current commit. The check must exist in the environment's
 * gate skills (or be `deploy_window_override` / `gate_changed`).
 *
 * A human channel only: stdin must be a terminal and the human types the check id again to confirm.
 * The agent's Bash tool has no terminal, so `shipgate attest` (or a copy of the CLI) run by the agent
 * is refused; in hardened mode its sandbox cannot read the signing key either (docs/security.md).
 *
 * Good: Ada types `shipgate attest code_review --by Ada --evidence "PR #12"`, then `code_review` at the prompt.
 * Bad:  `echo code_review | shipgate attest code_review …` from a script: stdin is not a terminal, refused.
 */
import { createInterface } from 'node:readline';
import { environmentOption } from '../environment-option.js';
import type { CliCommand, CliContext } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { recordAttestation, validateAttestationInput } from '../../gates/attestations.js';
import { requireGateCheck } from '../../gates/list-gate-checks.js';
import { BlockedError, UsageError, quote } from '../../errors.js';

export const command: CliCommand = {
  name: 'attest',
  summary: 'Record a human attestation for a check (who, when, evidence); typed in a terminal.',
  usage: '  shipgate attest <check-id> --by NAME --evidence TEXT [--env production] [--json]\n  Run it in your own terminal: it asks you to type the check id again to confirm.',
  options: { by: { type: 'string' }, evidence: { type: 'string' }, env: { type: 'string', short: 'e' } },
  allowPositionals: true,
  async run(input, context) {
    const [checkId, ...extra] = input.positionals;
    if (!checkId || extra.length) throw new UsageError('shipgate attest needs exactly one check id.', { expected: 'shipgate attest <check-id> --by NAME --evidence TEXT', found: quote(input.positionals.join(' '), 80) });
    const by = typeof input.values.by === 'string' ? input.values.by : '';
    const evidence = typeof input.values.evidence === 'string' ? input.values.evidence : '';
    const environment = environmentOption(input, 'production');
    validateAttestationInput({ checkId, by, evidence, environment });
    const projectRoot = await findProjectRoot(context.cwd);
    await requireGateCheck(projectRoot, environment, checkId, context.env);
    await requireTypedConfirmation(context, checkId, environment);
    const attestation = await recordAttestation({ projectRoot, environment, checkId, by, evidence, now: context.now, via: 'cli' });
    context.stdout.write(input.json ? `${JSON.stringify({ ok: true, attestation }, null, 2)}\n` : `Recorded: ${checkId} attested by ${attestation.by} for ${environment} at ${attestation.commit.slice(0, 12)} (${attestation.at}).\nRun \`shipgate gate --env ${environment}\` again.\n`);
    return 0;
  },
};

async function requireTypedConfirmation(context: CliContext, checkId: string, environment: string): Promise<void> {
  const stdin = context.stdin;
  if (!stdin || stdin.isTTY !== true) {
    throw new BlockedError('shipgate attest must be typed by a human in a terminal: stdin is not a terminal. Nothing was recorded.', {
      where: 'stdin',
      expected: 'an interactive terminal (a person confirms by typing the check id)',
      hint: `Open your own terminal in the project and run the same command there. An assistant cannot attest for you.`,
    });
  }
  context.stderr.write(`Attesting "${checkId}" for ${environment}. Only confirm what you verified yourself.\nType the check id (${checkId}) to confirm: `);
  const typed = await readLine(stdin);
  if (typed?.trim() !== checkId) {
    throw new BlockedError(`The confirmation did not match: expected "${checkId}". Nothing was recorded.`, { where: 'stdin', expected: checkId, found: quote(typed ?? '(end of input)', 80), hint: 'Run the command again and type the check id exactly.' });
  }
}

function readLine(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
