import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/mcp.ts
var command = {
  name: "mcp",
  summary: "Start the shipgate MCP server on stdio.",
  usage: [
    "  shipgate mcp [--read-only]",
    "",
    "  --read-only   offer only tools that change nothing (same as SHIPGATE_READ_ONLY=1)",
    "",
    "  The project is SHIPGATE_PROJECT_ROOT, else CLAUDE_PROJECT_DIR, else the current folder."
  ].join("\n"),
  options: { "read-only": { type: "boolean" } },
  allowPositionals: false,
  async run(input, context) {
    if (input.json) {
      throw new UsageError("`shipgate mcp` speaks JSON-RPC on stdout; --json does not apply.", { where: "--json", hint: "Run `shipgate mcp` without --json." });
    }
    const { runStdioServer } = await import("./stdio-26PCPXBB.js");
    await runStdioServer({
      env: context.env,
      cwd: context.cwd,
      now: context.now,
      ...input.values["read-only"] === true ? { readOnly: true } : {},
      ...context.signal ? { signal: context.signal } : {}
    });
    return 0;
  }
};
export {
  command
};
