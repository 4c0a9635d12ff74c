import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/demo.ts
var command = {
  name: "demo",
  summary: "Run the whole story on the built-in example in a temp folder.",
  usage: "  shipgate demo [--json]",
  options: {},
  allowPositionals: false,
  async run(input, context) {
    const { runDemo } = await import("./run-demo-XDYC2COU.js");
    const result = await runDemo({ say: (line) => (input.json ? context.stderr : context.stdout).write(`${line}
`), signal: context.signal });
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}
`);
    return result.canaryFailedRequests === 0 && result.badReleaseExitCode === 3 ? 0 : 1;
  }
};
export {
  command
};
