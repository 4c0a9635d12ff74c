import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/bump.ts
var command = {
  name: "bump",
  summary: "Not available yet.",
  usage: "  shipgate bump",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate bump`");
  }
};
export {
  command
};
