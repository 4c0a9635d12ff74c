import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  runGate
} from "./chunk-SUGKU2TE.js";
import "./chunk-RRVZJQ6J.js";
import "./chunk-ZISXHAHP.js";
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-Q3LL3MAD.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import "./chunk-FDIYOONR.js";
import "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-O4TABYHR.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/gate.ts
var MARK = { passed: "\u2713", failed: "\u2717", error: "\u2717", needs_attestation: "!", skipped: "-" };
var command = {
  name: "gate",
  summary: "Run the blocking safety gates for an environment and issue a receipt when they pass.",
  usage: "  shipgate gate [--env production] [--all] [--json]\n    --env E   environment (default production)\n    --all     run every check instead of stopping at the first blocking failure",
  options: { env: { type: "string", short: "e" }, all: { type: "boolean" } },
  allowPositionals: false,
  async run(input, context) {
    const environment = typeof input.values.env === "string" ? input.values.env : "production";
    if (!/^[a-z][a-z0-9_-]{0,39}$/.test(environment)) throw new UsageError("The --env value is not a valid environment name.", { where: "--env", expected: 'a lowercase name like "production"' });
    const projectRoot = await findProjectRoot(context.cwd);
    const result = await runGate({
      projectRoot,
      environment,
      all: input.values.all === true,
      now: context.now,
      signal: context.signal,
      env: context.env,
      onProgress: input.json ? void 0 : (e) => {
        if (e.status === "running" && context.stderr.isTTY) context.stderr.write(`  \u2026 ${e.checkId}\r`);
      }
    });
    context.stdout.write(input.json ? `${JSON.stringify(result, null, 2)}
` : formatGateResult(result));
    return result.ok ? 0 : 1;
  }
};
function formatGateResult(result) {
  const lines = [`shipgate gate ${result.environment} @ ${result.commit.slice(0, 12)} (${result.gateFiles.join(", ")})`];
  for (const check of result.checks) {
    lines.push(`  ${MARK[check.status]} ${check.id}${check.type === "advisory" ? " (advisory)" : ""}: ${check.message}`);
    if (check.status !== "passed" && check.status !== "skipped" && check.outputTail) lines.push(...check.outputTail.split("\n").filter((l) => l.trim()).slice(-10).map((l) => `      ${l}`));
  }
  if (result.receipt) lines.push(`PASSED: receipt ${result.receipt.id}, valid until ${result.receipt.expiresAt}. Deploy with \`shipgate deploy --env ${result.environment}\`.`);
  else lines.push(`BLOCKED by ${result.blockedBy.join(", ")}. Fix them and run \`shipgate gate --env ${result.environment}\` again.`);
  for (const n of result.needsAttestation) lines.push(`  ! ${n.checkId}: a human runs \`shipgate attest ${n.checkId} --env ${result.environment} --by NAME --evidence TEXT\``);
  return `${lines.join("\n")}
`;
}
export {
  command,
  formatGateResult
};
