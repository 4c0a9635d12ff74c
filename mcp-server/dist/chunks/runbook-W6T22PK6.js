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

// mcp-server/src/cli/commands/runbook.ts
var command = {
  name: "runbook",
  summary: "Write a deployment runbook for a strategy from the real configuration.",
  usage: "  shipgate runbook [--env production] [--strategy rolling|recreate|blue-green|canary] [--output FILE] [--json]",
  options: { env: { type: "string", default: "production" }, strategy: { type: "string" }, output: { type: "string" } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadDeployContext } = await import("./run-deploy-KUAMQKVB.js");
    const { loadConfig } = await import("./load-config-67BOH7BU.js");
    const { renderRunbook } = await import("./runbook-QYKS7XWB.js");
    const environmentName = String(input.values.env ?? "production");
    const deployContext = await loadDeployContext(projectRoot, environmentName, typeof input.values.strategy === "string" ? input.values.strategy : void 0);
    const loaded = await loadConfig(projectRoot);
    const markdown = renderRunbook({ app: loaded.config.app, environmentName, environment: deployContext.environment });
    let written;
    if (typeof input.values.output === "string") {
      const { resolveInsideProject } = await import("./paths-YFMNB2IQ.js");
      const { writeFileAtomic } = await import("./atomic-write-APLXHHBX.js");
      written = await resolveInsideProject(projectRoot, input.values.output, "--output");
      await writeFileAtomic(written, markdown);
    }
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, environment: environmentName, strategy: deployContext.environment.strategy.type, output: written ?? null, markdown }, null, 2)}
`);
    else context.stdout.write(written ? `Runbook written to ${written}
` : markdown);
    return 0;
  }
};
export {
  command
};
