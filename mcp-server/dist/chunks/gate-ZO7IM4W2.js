import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/gate.ts
var command = {
  name: "gate",
  summary: "Not available yet.",
  usage: "  shipgate gate",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate gate`");
  }
};
export {
  command
};
