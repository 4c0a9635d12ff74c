import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/demo.ts
var command = {
  name: "demo",
  summary: "Not available yet.",
  usage: "  shipgate demo",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate demo`");
  }
};
export {
  command
};
