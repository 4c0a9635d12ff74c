import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/attest.ts
var command = {
  name: "attest",
  summary: "Not available yet.",
  usage: "  shipgate attest",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate attest`");
  }
};
export {
  command
};
