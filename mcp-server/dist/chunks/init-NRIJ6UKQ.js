import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/init.ts
var command = {
  name: "init",
  summary: "Not available yet.",
  usage: "  shipgate init",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate init`");
  }
};
export {
  command
};
