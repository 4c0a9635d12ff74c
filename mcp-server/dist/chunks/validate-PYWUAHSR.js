import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/validate.ts
var command = {
  name: "validate",
  summary: "Not available yet.",
  usage: "  shipgate validate",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate validate`");
  }
};
export {
  command
};
