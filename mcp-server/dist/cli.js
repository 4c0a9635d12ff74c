#!/usr/bin/env node
import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  UsageError,
  toShipgateError
} from "./chunks/chunk-Z6DQB4O2.js";
import {
  SHIPGATE_VERSION
} from "./chunks/chunk-VB2BSGY6.js";
import "./chunks/chunk-CMTZTRQJ.js";

// mcp-server/src/cli/main.ts
import { parseArgs } from "node:util";

// mcp-server/src/cli/commands/index.ts
var commandLoaders = {
  validate: async () => (await import("./chunks/validate-G3K6L2HJ.js")).command,
  gate: async () => (await import("./chunks/gate-2JTGIIAZ.js")).command,
  attest: async () => (await import("./chunks/attest-YXMRC36O.js")).command,
  bump: async () => (await import("./chunks/bump-7URCPUKD.js")).command,
  deploy: async () => (await import("./chunks/deploy-DPSYV6AP.js")).command,
  rollback: async () => (await import("./chunks/rollback-ECKX4HOY.js")).command,
  health: async () => (await import("./chunks/health-ZGX6E5ZB.js")).command,
  runbook: async () => (await import("./chunks/runbook-W6T22PK6.js")).command,
  learnings: async () => (await import("./chunks/learnings-3HBJOZEW.js")).command,
  history: async () => (await import("./chunks/history-FJELIIFT.js")).command,
  init: async () => (await import("./chunks/init-Q7ZOCR7I.js")).command,
  mcp: async () => (await import("./chunks/mcp-VZJC7MKD.js")).command,
  demo: async () => (await import("./chunks/demo-QUMIXGLB.js")).command
};
var commandSummaries = {
  validate: "Lint skills, commands, hooks and manifests of a plugin (file:line:col, rule id, fix hint).",
  gate: "Run the blocking safety gates for an environment and issue a receipt when they pass.",
  attest: "Record a human attestation for a check (who, when, evidence).",
  bump: "Plan and apply a semantic version release: version files, changelog, commit, annotated tag.",
  deploy: "Deploy the gated commit with a strategy through a provider, watch health, roll back on failure.",
  rollback: "Roll an environment back to the previous (or a named) version.",
  health: "Run the configured health checks and smoke tests against an environment.",
  runbook: "Write a deployment runbook for a strategy from the real configuration.",
  learnings: "Show the lessons learned, or record one.",
  history: "List past deployments and rollbacks from the records.",
  init: "Write a commented starter shipgate.config.yaml for this repository.",
  mcp: "Start the shipgate MCP server on stdio.",
  demo: "Run the whole story on the built-in example in a temp folder."
};

// mcp-server/src/cli/main.ts
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
function isMainModule(argv1) {
  if (!argv1) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(argv1)).href;
  } catch {
    return false;
  }
}
async function main(argv, context) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    context.stdout.write(helpText());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    context.stdout.write(`${SHIPGATE_VERSION}
`);
    return 0;
  }
  const json = rest.includes("--json");
  try {
    const load = commandLoaders[name];
    if (!load) {
      throw new UsageError(`Unknown command "${name}".`, {
        expected: `one of: ${Object.keys(commandLoaders).join(", ")}`,
        hint: "Run `shipgate --help` for the list of commands."
      });
    }
    const command = await load();
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
        allowPositionals: command.allowPositionals,
        strict: true
      });
    } catch (error) {
      throw new UsageError(`shipgate ${name}: ${error.message}`, { hint: `Usage:
${command.usage}` });
    }
    if (parsed.values.help) {
      context.stdout.write(`${command.summary}

Usage:
${command.usage}
`);
      return 0;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, json }, context);
  } catch (thrown) {
    const error = toShipgateError(thrown);
    if (json) {
      context.stdout.write(`${JSON.stringify(errorDocument(error), null, 2)}
`);
    } else {
      context.stderr.write(`shipgate: ${error.describe()}
`);
    }
    return error.exitCode;
  }
}
function errorDocument(error) {
  return { ok: false, error: { code: error.code, message: error.message, ...error.details } };
}
function helpText() {
  const width = Math.max(...Object.keys(commandSummaries).map((n) => n.length));
  const lines = Object.entries(commandSummaries).map(([n, s]) => `  ${n.padEnd(width)}  ${s}`);
  return `shipgate ${SHIPGATE_VERSION}: production deployment, gated for real.

Usage: shipgate <command> [options] [--json]

Commands:
${lines.join("\n")}

Run \`shipgate <command> --help\` for a command's options.
`;
}
var isEntry = isMainModule(process.argv[1]);
if (isEntry) {
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => /* @__PURE__ */ new Date(),
    signal: controller.signal
  });
  process.exitCode = code;
}
export {
  errorDocument,
  main
};
