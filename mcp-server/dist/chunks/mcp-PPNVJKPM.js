import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/mcp.ts
var command = {
  name: "mcp",
  summary: "Not available yet.",
  usage: "  shipgate mcp",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate mcp`");
  }
};
export {
  command
};
