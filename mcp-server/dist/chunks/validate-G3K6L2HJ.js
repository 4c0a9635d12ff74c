import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/validate.ts
var FORMATS = ["stylish", "json", "sarif", "github"];
var command = {
  name: "validate",
  summary: "Lint skills, commands, hooks and manifests of a plugin (file:line:col, rule id, fix hint).",
  usage: [
    "  shipgate validate [paths..] [--format stylish|json|sarif|github] [--strict] [--json]",
    "",
    "  paths     plugin roots, skills folders or single files (default: the current folder)",
    "  --format  output format (default stylish; json = --json; sarif for GitHub code scanning;",
    "            github for workflow annotations)",
    "  --strict  exit 1 on warnings too",
    "  --no-cache  do not read or write the content-hash cache",
    "",
    "  Exit: 0 no problems, 1 errors (or warnings with --strict), 2 usage error."
  ].join("\n"),
  options: {
    format: { type: "string", short: "f" },
    strict: { type: "boolean" },
    "no-cache": { type: "boolean" }
  },
  allowPositionals: true,
  async run(input, context) {
    const format = input.json ? "json" : typeof input.values.format === "string" ? input.values.format : "stylish";
    if (!FORMATS.includes(format)) {
      throw new UsageError(`Unknown format "${format}".`, { where: "--format", expected: FORMATS.join(", "), found: format, hint: "Use e.g. `shipgate validate --format sarif > shipgate.sarif`." });
    }
    const { validatePaths } = await import("./engine-736HA4YF.js");
    const { FORMATTERS } = await import("./format-ZLEKMXL5.js");
    const result = await validatePaths(input.positionals, { cwd: context.cwd, strict: input.values.strict === true, cache: input.values["no-cache"] !== true });
    const color = format === "stylish" && context.stdout.isTTY === true && !("NO_COLOR" in context.env);
    context.stdout.write(FORMATTERS[format](result, { color }));
    if (context.env.SHIPGATE_VALIDATE_STATS === "1") context.stderr.write(`${JSON.stringify(result.stats)}
`);
    return result.failed ? 1 : 0;
  }
};
export {
  command
};
