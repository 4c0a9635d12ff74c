import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/deploy/progress-printer.ts
function createProgressPrinter(stream, env) {
  const live = Boolean(stream.isTTY) && !env.CI;
  let lastStep = "";
  return {
    update(event) {
      const text = `[${event.index + 1}/${event.total}] ${event.step}: ${event.message}`;
      if (live) {
        if (lastStep && lastStep !== event.step) stream.write("\n");
        const width = stream.columns ?? 100;
        stream.write(`\r\x1B[2K${text.slice(0, width - 1)}`);
      } else {
        stream.write(`${text}
`);
      }
      lastStep = event.step;
    },
    done() {
      if (live && lastStep) stream.write("\n");
    }
  };
}
export {
  createProgressPrinter
};
