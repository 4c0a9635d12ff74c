/**
 * Pause steps (a canary's wait between weights when no monitor watches it, blue-green's scale-down
 * delay): wait through the clock, stop at once when the run is interrupted.
 *
 * Good: `durationMs: 30000` → "waited 30000 ms", or "interrupted" on Ctrl-C after 2 s.
 * Bad:  a fixed setTimeout that keeps a cancelled deploy waiting.
 */
import { finished, type StepRunner } from './step-runner.js';

export const runPauseStep: StepRunner = async (step, context) => {
  const durationMs = step.durationMs ?? 0;
  await context.clock.sleep(durationMs, context.signal);
  const aborted = context.signal?.aborted ?? false;
  return finished(!aborted, aborted ? 'interrupted' : `waited ${durationMs} ms`);
};
