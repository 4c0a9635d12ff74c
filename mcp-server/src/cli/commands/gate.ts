/**
 * `shipgate gate [--env production] [--all] [--json]`: run the environment's blocking gates; exit 0 and
 * print the receipt id when they pass, exit 1 and the blocking checks when they do not.
 */
import { attestCommand } from '../../gates/resolve-attestation.js';
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { runGate, type CheckResult, type GateRunResult } from '../../gates/run-gate.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', error: '✗', needs_attestation: '!', skipped: '-' };

export const command: CliCommand = {
  name: 'gate',
  summary: 'Run the blocking safety gates for an environment and issue a receipt when they pass.',
  usage: '  shipgate gate [--env production] [--all] [--json]\n    --env E   environment (default production)\n    --all     run every check instead of stopping at the first blocking failure',
  options: { env: { type: 'string', short: 'e' }, all: { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const environment = environmentOption(input, 'production');
    const projectRoot = await findProjectRoot(context.cwd);
    const result = await runGate({
      projectRoot,
      environment,
      all: input.values.all === true,
      now: context.now,
      signal: context.signal,
      env: context.env,
      onProgress: input.json ? undefined : (e) => { if (e.status === 'running' && context.stderr.isTTY) context.stderr.write(`  … ${e.checkId}\r`); },
    });
    context.stdout.write(input.json ? `${JSON.stringify(result, null, 2)}\n` : formatGateResult(result));
    return result.ok ? 0 : 1;
  },
};

export function formatGateResult(result: GateRunResult): string {
  const lines = [`shipgate gate ${result.environment} @ ${result.commit.slice(0, 12)} (${result.gateFiles.join(', ')})`];
  for (const check of result.checks) {
    lines.push(`  ${MARK[check.status]} ${check.id}${check.type === 'advisory' ? ' (advisory)' : ''}: ${check.message}`);
    if (check.status !== 'passed' && check.status !== 'skipped' && check.outputTail) lines.push(...check.outputTail.split('\n').filter((l) => l.trim()).slice(-10).map((l) => `      ${l}`));
  }
  if (result.receipt) lines.push(`PASSED: receipt ${result.receipt.id}, valid until ${result.receipt.expiresAt}. Deploy with \`shipgate deploy --env ${result.environment}\`.`);
  else lines.push(`BLOCKED by ${result.blockedBy.join(', ')}. Fix them and run \`shipgate gate --env ${result.environment}\` again.`);
  if (result.team && 'published' in result.team) lines.push(`Signed gate record published: ${result.team.published}`);
  if (result.team && 'warning' in result.team) lines.push(`WARNING: ${result.team.warning}`);
  for (const n of result.needsAttestation) lines.push(`  ! ${n.checkId}: a human runs \`${attestCommand(result.environment, n.checkId)}\` in their own terminal`);
  return `${lines.join('\n')}\n`;
}
