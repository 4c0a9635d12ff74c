import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import {
  requireGateCheck
} from "./chunk-WOOKBI42.js";
import "./chunk-Q3LL3MAD.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import {
  recordAttestation,
  validateAttestationInput
} from "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import {
  UsageError,
  quote
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/attest.ts
var command = {
  name: "attest",
  summary: "Record a human attestation for a check (who, when, evidence).",
  usage: "  shipgate attest <check-id> --by NAME --evidence TEXT [--env production] [--json]",
  options: { by: { type: "string" }, evidence: { type: "string" }, env: { type: "string", short: "e" } },
  allowPositionals: true,
  async run(input, context) {
    const [checkId, ...extra] = input.positionals;
    if (!checkId || extra.length) throw new UsageError("shipgate attest needs exactly one check id.", { expected: "shipgate attest <check-id> --by NAME --evidence TEXT", found: quote(input.positionals.join(" "), 80) });
    const by = typeof input.values.by === "string" ? input.values.by : "";
    const evidence = typeof input.values.evidence === "string" ? input.values.evidence : "";
    const environment = typeof input.values.env === "string" ? input.values.env : "production";
    validateAttestationInput({ checkId, by, evidence, environment });
    const projectRoot = await findProjectRoot(context.cwd);
    await requireGateCheck(projectRoot, environment, checkId, context.env);
    const attestation = await recordAttestation({ projectRoot, environment, checkId, by, evidence, now: context.now, via: "cli" });
    context.stdout.write(input.json ? `${JSON.stringify({ ok: true, attestation }, null, 2)}
` : `Recorded: ${checkId} attested by ${attestation.by} for ${environment} at ${attestation.commit.slice(0, 12)} (${attestation.at}).
Run \`shipgate gate --env ${environment}\` again.
`);
    return 0;
  }
};
export {
  command
};
