import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  gateSettings,
  parseGateFiles,
  resolveGateFiles
} from "./chunk-Q3LL3MAD.js";
import {
  loadConfig
} from "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/deploy/rollback-procedure.ts
async function loadRollbackProcedure(projectRoot, environment, env) {
  const loaded = await loadConfig(projectRoot);
  const files = await resolveGateFiles(projectRoot, gateSettings(loaded, environment).gates, env);
  const documents = await parseGateFiles(files);
  const steps = [];
  for (const document of documents) {
    for (const procedure of document.model.rollbackProcedures) {
      for (const step of procedure.steps) {
        if (step.command) steps.push({ id: step.id, command: step.command, timeoutMs: step.timeoutMs ?? 12e4 });
      }
    }
  }
  return steps;
}
export {
  loadRollbackProcedure
};
