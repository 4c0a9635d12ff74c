/**
 * Progress for terminals: one live, rewritten line on a TTY; plain lines when not a TTY or under CI
 * (logs stay readable). Used by the deploy and rollback CLI commands.
 */
import type { DeployProgressEvent } from './apply-deploy.js';

export function createProgressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }, env: NodeJS.ProcessEnv): { update(event: DeployProgressEvent): void; done(): void } {
  const live = Boolean(stream.isTTY) && !env.CI;
  let lastStep = '';
  return {
    update(event) {
      const text = `[${event.index + 1}/${event.total}] ${event.step}: ${event.message}`;
      if (live) {
        if (lastStep && lastStep !== event.step) stream.write('\n');
        const width = (stream as { columns?: number }).columns ?? 100;
        stream.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
      } else {
        stream.write(`${text}\n`);
      }
      lastStep = event.step;
    },
    done() {
      if (live && lastStep) stream.write('\n');
    },
  };
}
