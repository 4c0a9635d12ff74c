/**
 * `shipgate verify [--env E] [--commit SHA] [--format text|json|github]`: for a pipeline. Exit 0 only
 * when the team remote holds a passing gate record for the commit, signed by a key in the repository's
 * allowed_signers; exit 1 with the reason otherwise. `--format github` prints workflow annotations.
 */
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { UsageError, quote } from '../../errors.js';

const FORMATS = ['text', 'json', 'github'] as const;

export const command: CliCommand = {
  name: 'verify',
  summary: 'Check that a commit has a passing gate record signed by an allowed key (for CI, before deploy).',
  usage: [
    '  shipgate verify [--env production] [--commit SHA] [--format text|json|github] [--json]',
    '    --env E      environment whose gate must have passed (default production)',
    '    --commit SHA the commit about to be deployed (default HEAD)',
    '    --format     text (default), json, or github (workflow annotations)',
    '  Fetches refs/shipgate/gates/<env>/* from team.remote (default origin) and checks the signature',
    '  against team.allowedSigners (default .shipgate/allowed_signers) as committed in that commit.',
    '  Exit: 0 verified, 1 not verified (the reason is printed), 2 usage error.',
  ].join('\n'),
  options: { env: { type: 'string', short: 'e' }, commit: { type: 'string' }, format: { type: 'string' } },
  allowPositionals: false,
  async run(input, context) {
    const environment = environmentOption(input, 'production');
    const format = input.json ? 'json' : typeof input.values.format === 'string' ? input.values.format : 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format ${quote(format, 40)}.`, { where: '--format', expected: FORMATS.join(', ') });
    const commit = typeof input.values.commit === 'string' ? input.values.commit : undefined;
    if (commit !== undefined && !/^[0-9A-Za-z._\/^~-]{1,200}$/.test(commit)) throw new UsageError('The --commit value is not a commit name.', { where: '--commit', expected: 'a SHA, tag or branch name' });
    const projectRoot = await findProjectRoot(context.cwd);
    const { verifyCommit } = await import('../../team/verify-commit.js');
    const result = await verifyCommit({ projectRoot, environment, ...(commit ? { commit } : {}) });
    const short = result.commit.slice(0, 12);
    const covered = result.gatedCommit && result.gatedCommit !== result.commit ? ` (release commit on top of gated ${result.gatedCommit.slice(0, 12)})` : '';
    if (format === 'json') {
      context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else if (format === 'github') {
      const lines = result.ok
        ? [`::notice title=shipgate verify::${escape(`${environment} gate passed for ${short}${covered}, signed by ${result.signer}: ${checksText(result)}`)}`]
        : result.reasons.map((r) => `::error title=shipgate verify ${environment}::${escape(`${short}: ${r}`)}`);
      context.stdout.write(`${lines.join('\n')}\n`);
    } else if (result.ok) {
      context.stdout.write(`VERIFIED: ${environment} gate passed for ${short}${covered}\n  signed by ${result.signer} (${result.record?.signer.name} on ${result.record?.signer.host}) at ${result.record?.passedAt}\n  checks: ${checksText(result)}\n`);
    } else {
      context.stdout.write(`NOT VERIFIED: ${environment} @ ${short}\n${result.reasons.map((r) => `  - ${r}`).join('\n')}\n`);
    }
    return result.ok ? 0 : 1;
  },
};

function checksText(result: { record?: { checks: { id: string; status: string; attestation?: { by: string } }[] } }): string {
  return (result.record?.checks ?? []).map((c) => `${c.id} ${c.status}${c.attestation ? ` (attested by ${c.attestation.by})` : ''}`).join(', ');
}

/** GitHub workflow commands: %, CR and LF are escaped in the message. */
function escape(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
