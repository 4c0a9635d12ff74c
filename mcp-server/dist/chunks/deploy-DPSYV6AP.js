import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/deploy.ts
var command = {
  name: "deploy",
  summary: "Deploy the gated release with a strategy through a provider, watch health, roll back on failure.",
  usage: "  shipgate deploy [--env production] [--strategy rolling|recreate|blue-green|canary] [--dry-run] [--json]\n  Exit: 0 deployed, 1 blocked or failed, 2 usage/config error, 3 deployed then rolled back.",
  options: { env: { type: "string", default: "production" }, strategy: { type: "string" }, "dry-run": { type: "boolean" } },
  allowPositionals: false,
  async run(input, context) {
    const { runDeploy } = await import("./run-deploy-KUAMQKVB.js");
    const { formatPlan } = await import("./plan-deploy-N7W5P4N4.js");
    const { createProgressPrinter } = await import("./progress-printer-UPQSVIVU.js");
    const projectRoot = await findProjectRoot(context.cwd);
    const printer = createProgressPrinter(context.stderr, context.env);
    const result = await runDeploy({
      projectRoot,
      environment: String(input.values.env ?? "production"),
      ...typeof input.values.strategy === "string" ? { strategy: input.values.strategy } : {},
      dryRun: input.values["dry-run"] === true,
      signal: context.signal,
      now: context.now,
      env: context.env,
      onProgress: input.json ? void 0 : (event) => printer.update(event)
    });
    printer.done();
    if (result.dryRun) {
      if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, dryRun: true, plan: result.plan }, null, 2)}
`);
      else context.stdout.write(formatPlan(result.plan));
      return 0;
    }
    const { outcome } = result;
    const record = outcome.record;
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: outcome.status === "succeeded", status: outcome.status, exitCode: outcome.exitCode, environment: record.environment, version: record.version, tag: record.tag, commit: record.commit, previous: record.previous ?? null, trigger: outcome.trigger ?? null, rollback: record.rollback ?? null, record: record.files }, null, 2)}
`);
    } else {
      const words = { succeeded: `Deployed ${record.tag} to ${record.environment}.`, rolled_back: `Deployed ${record.tag}, then ROLLED BACK to ${record.previous?.tag ?? "the previous release"}: ${outcome.trigger}`, failed: `Deploy of ${record.tag} FAILED: ${outcome.trigger}` };
      context.stdout.write(`${words[outcome.status]}
Record: ${record.files.markdown}
`);
      if (record.rollback?.verified === false) context.stdout.write("WARNING: health checks still fail after the rollback.\n");
    }
    return outcome.exitCode;
  }
};
export {
  command
};
