import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/rollback.ts
var command = {
  name: "rollback",
  summary: "Not available yet.",
  usage: "  shipgate rollback",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate rollback`");
  }
};
export {
  command
};
