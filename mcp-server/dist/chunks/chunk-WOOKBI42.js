import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  gateSettings,
  parseGateFiles,
  resolveGateFiles
} from "./chunk-Q3LL3MAD.js";
import {
  loadConfig
} from "./chunk-NRUS7RPD.js";
import {
  WINDOW_OVERRIDE_CHECK
} from "./chunk-ELF2GQKJ.js";
import {
  UsageError,
  quote
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/gates/list-gate-checks.ts
async function listGateCheckIds(projectRoot, environment, env = process.env) {
  const files = await resolveGateFiles(projectRoot, gateSettings(await loadConfig(projectRoot), environment).gates, env);
  const ids = (await parseGateFiles(files)).flatMap((d) => d.model.safetyGates.flatMap((g) => g.checks.map((c) => c.id)));
  return { ids: [.../* @__PURE__ */ new Set([...ids, WINDOW_OVERRIDE_CHECK])], gateFiles: files.map((f) => f.displayPath) };
}
async function requireGateCheck(projectRoot, environment, checkId, env) {
  const { ids, gateFiles } = await listGateCheckIds(projectRoot, environment, env);
  if (!ids.includes(checkId)) {
    throw new UsageError(`No check ${quote(checkId)} in the gates of ${environment}.`, { where: gateFiles.join(", "), expected: `one of: ${ids.join(", ")}` });
  }
}

export {
  listGateCheckIds,
  requireGateCheck
};
