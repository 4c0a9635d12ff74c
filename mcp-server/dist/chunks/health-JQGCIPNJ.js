import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/health.ts
var command = {
  name: "health",
  summary: "Not available yet.",
  usage: "  shipgate health",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate health`");
  }
};
export {
  command
};
