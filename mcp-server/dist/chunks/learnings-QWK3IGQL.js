import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/learnings.ts
var command = {
  name: "learnings",
  summary: "Not available yet.",
  usage: "  shipgate learnings",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate learnings`");
  }
};
export {
  command
};
