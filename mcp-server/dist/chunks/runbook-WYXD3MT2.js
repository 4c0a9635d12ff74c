import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/runbook.ts
var command = {
  name: "runbook",
  summary: "Not available yet.",
  usage: "  shipgate runbook",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate runbook`");
  }
};
export {
  command
};
