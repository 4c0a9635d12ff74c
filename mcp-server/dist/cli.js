#!/usr/bin/env node
import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  UsageError,
  toShipgateError
} from "./chunks/chunk-D6655KGH.js";

// mcp-server/src/cli/main.ts
import { parseArgs } from "node:util";

// mcp-server/src/cli/commands/index.ts
var commandLoaders = {
  validate: async () => (await import("./chunks/validate-PYWUAHSR.js")).command,
  gate: async () => (await import("./chunks/gate-ZO7IM4W2.js")).command,
  attest: async () => (await import("./chunks/attest-Y5EC25SX.js")).command,
  bump: async () => (await import("./chunks/bump-ZX6PA3IT.js")).command,
  deploy: async () => (await import("./chunks/deploy-QH3YS2LY.js")).command,
  rollback: async () => (await import("./chunks/rollback-LTFMQ6ZR.js")).command,
  health: async () => (await import("./chunks/health-JQGCIPNJ.js")).command,
  runbook: async () => (await import("./chunks/runbook-WYXD3MT2.js")).command,
  learnings: async () => (await import("./chunks/learnings-QWK3IGQL.js")).command,
  history: async () => (await import("./chunks/history-6BDDTKWQ.js")).command,
  init: async () => (await import("./chunks/init-NRIJ6UKQ.js")).command,
  mcp: async () => (await import("./chunks/mcp-PPNVJKPM.js")).command,
  demo: async () => (await import("./chunks/demo-7N6HLWZG.js")).command
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

// mcp-server/src/version.ts
var SHIPGATE_VERSION = "0.1.0";

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
