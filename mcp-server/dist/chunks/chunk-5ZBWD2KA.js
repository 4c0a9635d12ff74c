import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  statePaths
} from "./chunk-3HRCFEKB.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";

// mcp-server/src/deploy/deploy-state.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
function stateFile(projectRoot, environment) {
  return join(statePaths(projectRoot).base, "deployments", `${environment}.json`);
}
async function readEnvironmentState(projectRoot, environment) {
  try {
    const parsed = JSON.parse(await readFile(stateFile(projectRoot, environment), "utf8"));
    return { liveColor: parsed.liveColor === "green" ? "green" : "blue", served: Array.isArray(parsed.served) ? parsed.served : [], ...parsed.live ? { live: parsed.live } : {} };
  } catch {
    return { liveColor: "blue", served: [] };
  }
}
async function writeEnvironmentState(projectRoot, environment, state) {
  await writeFileAtomic(stateFile(projectRoot, environment), `${JSON.stringify(state, null, 2)}
`);
}

export {
  readEnvironmentState,
  writeEnvironmentState
};
