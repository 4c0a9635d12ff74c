import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/project/paths.ts
import { join } from "node:path";
var STATE_DIR = ".claude/shipgate";
function statePaths(projectRoot) {
  const base = join(projectRoot, STATE_DIR);
  return {
    base,
    receipts: join(base, "receipts"),
    attestations: join(base, "attestations.jsonl"),
    runLog: join(base, "runs.jsonl"),
    locks: join(base, "locks"),
    releases: join(base, "release-journal.json"),
    learnings: join(base, "learnings")
  };
}

export {
  STATE_DIR,
  statePaths
};
