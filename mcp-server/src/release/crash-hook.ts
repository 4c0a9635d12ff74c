/**
 * TEST-ONLY fault injection for apply-release.ts. Never set these in real use.
 *   SHIPGATE_TEST_CRASH_AT=<step>     apply throws at that step (one of APPLY_STEPS), exercising the
 *                                     "failure after the first write" path: everything is restored.
 *   SHIPGATE_TEST_CRASH_MODE=kill     the process SIGKILLs itself at that step instead (no cleanup runs);
 *   SHIPGATE_TEST_CRASH_MODE=abandon  in-process equivalent of a kill for tests: apply stops at that step
 *                                     and skips every cleanup, leaving the journal for the next run.
 */
import type { ApplyStep } from './journal.js';

export class TestCrash extends Error {
  constructor(
    readonly step: ApplyStep,
    readonly abandon: boolean,
  ) {
    super(`SHIPGATE_TEST_CRASH_AT=${step}: injected failure (test only).`);
  }
}

export function checkpoint(step: ApplyStep, env: NodeJS.ProcessEnv): void {
  if (env.SHIPGATE_TEST_CRASH_AT !== step) return;
  const mode = env.SHIPGATE_TEST_CRASH_MODE;
  if (mode === 'kill') process.kill(process.pid, 'SIGKILL');
  throw new TestCrash(step, mode === 'abandon');
}
