/**
 * Provider, traffic, promote and cleanup steps: run the step's provider action against the release it
 * names (the new one, or the previous for an undo). A deploy into a slot tells later steps which
 * candidate to probe.
 *
 * Good: `{ action: 'deploy', color: 'green' }` → provider runs it; outcome carries `candidateColor: 'green'`.
 * Bad:  running an action whose release is missing (first deploy, undo): it fails with "no release to apply".
 */
import { finished, type StepRunner } from './step-runner.js';

export const runActionStep: StepRunner = async (step, context) => {
  if (!step.action) return finished(true, '');
  const candidateColor = step.action.action === 'deploy' && step.action.color ? step.action.color : undefined;
  const release = step.release === 'previous' ? context.plan.previous : context.plan.next;
  const result = release
    ? await context.provider.run(step.action, release, { projectRoot: context.projectRoot, timeoutMs: context.providerTimeoutMs, ...(context.signal ? { signal: context.signal } : {}), ...context.commands })
    : { ok: false, detail: 'no release to apply', runs: [] };
  return finished(result.ok, result.detail, candidateColor ? { candidateColor } : {});
};
