/**
 * The reason the model sees when the guard refuses: what was refused and why, and the gated path by
 * its real (namespaced) command name; never a path of the plugin.
 */
import type { GuardVerdict } from './guard-verdict.js';

export function refusalMessage(verdict: GuardVerdict, configProblem?: string): string {
  const lines: string[] = [];
  if (verdict.ruleId === 'shipgate-state') {
    lines.push(`shipgate guard: refused (${verdict.reason}).`, 'Receipts and attestations are written only by a passing gate and by a human attesting: run /shipgate:deploy-production, which runs the gate (gate_check) and then deploys.');
  } else if (verdict.ruleId === 'unreadable') {
    lines.push(`shipgate guard: refused because part of the command can only be known when it runs (${verdict.reason}).`, 'Download or generate it into a file in one call, read it, then run the file in a separate call so the guard can check it; production deploys still go through /shipgate:deploy-production.');
  } else if (verdict.ruleId === 'too-complex') {
    lines.push(`shipgate guard: refused because ${verdict.reason}.`, 'Run it as several simpler commands, or put it in a script file and run that; production deploys still go through /shipgate:deploy-production.');
  } else if (verdict.ruleId === 'self-attest') {
    lines.push(`shipgate guard: refused (${verdict.reason}).`, 'Ask the user to run `shipgate attest <check-id> --by NAME --evidence TEXT` in their own terminal, or call the gate_attest tool, which asks them through an elicitation form.');
  } else {
    lines.push(
      `shipgate guard: refused a raw production deploy command (${verdict.reason}).`,
      `command: ${verdict.matched ?? ''}`,
      'Production changes go through the gated path so the checks, receipt, record and rollback apply: use /shipgate:deploy-production (gate_check, then deploy), or /shipgate:rollback to undo a release.',
    );
  }
  if (configProblem) lines.push(`Note: shipgate.config.yaml is broken (${configProblem}); until it is fixed the guard also protects the default branch.`);
  return lines.join('\n');
}
