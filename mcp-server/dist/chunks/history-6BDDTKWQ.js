import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/history.ts
var command = {
  name: "history",
  summary: "Not available yet.",
  usage: "  shipgate history",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate history`");
  }
};
export {
  command
};
