import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  NotAvailableError
} from "./chunk-D6655KGH.js";

// mcp-server/src/cli/commands/deploy.ts
var command = {
  name: "deploy",
  summary: "Not available yet.",
  usage: "  shipgate deploy",
  options: {},
  allowPositionals: true,
  async run() {
    throw new NotAvailableError("`shipgate deploy`");
  }
};
export {
  command
};
