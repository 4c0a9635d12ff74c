import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-GHJBZYRF.js";
import {
  ConfigError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/health.ts
var command = {
  name: "health",
  summary: "Run the configured health checks and smoke tests against an environment.",
  usage: "  shipgate health [--env production] [--json]",
  options: { env: { type: "string", default: "production" } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadDeployContext } = await import("./run-deploy-KUAMQKVB.js");
    const { runHttpChecks, loadSmokeTestFile } = await import("./health-probe-4BYMF3A6.js");
    const { resolve } = await import("node:path");
    const environmentName = String(input.values.env ?? "production");
    const { environment } = await loadDeployContext(projectRoot, environmentName);
    if (!environment.url) throw new ConfigError(`environments.${environmentName}.url is not set.`, { where: `environments.${environmentName}.url`, expected: "the URL production answers on", hint: "Add `url: https://...` to the environment." });
    const checks = environment.health.checks.map((c) => ({ ...c }));
    const smoke = environment.health.smokeTests ? await loadSmokeTestFile(resolve(projectRoot, environment.health.smokeTests)) : [];
    const result = await runHttpChecks(environment.url, [...checks, ...smoke], context.signal);
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: result.ok, environment: environmentName, url: environment.url, results: result.results }, null, 2)}
`);
    else {
      for (const r of result.results) context.stdout.write(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(16)} ${String(r.status ?? "---")} ${r.latencyMs} ms${r.error ? `  ${r.error}` : ""}
`);
      context.stdout.write(result.ok ? "healthy\n" : "UNHEALTHY\n");
    }
    return result.ok ? 0 : 1;
  }
};
export {
  command
};
