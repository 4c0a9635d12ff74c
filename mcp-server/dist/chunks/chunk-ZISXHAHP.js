import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  gateHash,
  gateSettings,
  resolveGateFiles
} from "./chunk-Q3LL3MAD.js";
import {
  loadConfig
} from "./chunk-NRUS7RPD.js";
import {
  ENVIRONMENT_PATTERN
} from "./chunk-ELF2GQKJ.js";
import {
  STATE_DIR,
  statePaths
} from "./chunk-3HRCFEKB.js";
import {
  changedPaths,
  commitParents
} from "./chunk-2TUREMD7.js";
import {
  BlockedError,
  InputError,
  quote
} from "./chunk-Z6DQB4O2.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import {
  formatDuration
} from "./chunk-3SNQWMNX.js";

// mcp-server/src/gates/receipts.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { randomUUID, createHash } from "node:crypto";
function receiptPath(projectRoot, environment) {
  if (!ENVIRONMENT_PATTERN.test(environment)) throw new InputError("The environment name is not valid.", { where: "environment", expected: 'a lowercase name like "production"', found: quote(environment, 60) });
  return join(statePaths(projectRoot).receipts, `${environment}.json`);
}
function receiptDigest(receipt) {
  const { v, id, commit, environment, gateHash: g, configHash, issuedAt, expiresAt, checks } = receipt;
  return createHash("sha256").update(JSON.stringify([v, id, commit, environment, g, configHash, issuedAt, expiresAt, checks])).digest("hex");
}
async function issueReceipt(input) {
  const body = {
    v: 1,
    id: randomUUID(),
    commit: input.commit,
    environment: input.environment,
    gateHash: input.gateHash,
    configHash: input.configHash,
    issuedAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMs).toISOString(),
    checks: input.checks
  };
  const receipt = { ...body, digest: receiptDigest(body) };
  await writeFileAtomic(receiptPath(input.projectRoot, input.environment), `${JSON.stringify(receipt, null, 2)}
`);
  return receipt;
}
async function readReceipt(projectRoot, environment) {
  try {
    return JSON.parse(await readFile(receiptPath(projectRoot, environment), "utf8"));
  } catch (error) {
    if (error instanceof InputError) throw error;
    return void 0;
  }
}
async function requireReceipt(input) {
  const { projectRoot, environment, commit } = input;
  const now = (input.now ?? (() => /* @__PURE__ */ new Date()))();
  const again = `run \`shipgate gate --env ${environment}\` (or the gate_check tool) again`;
  const receipt = await readReceipt(projectRoot, environment);
  if (!receipt) throw new BlockedError(`No gate receipt for ${environment}: the gate has not passed.`, { where: receiptPath(projectRoot, environment), expected: "a receipt written by a passing gate", hint: `${again}, fix what it reports, and deploy when it passes.` });
  if (!isWellFormed(receipt) || receipt.digest !== receiptDigest(receipt)) {
    throw new BlockedError("The gate receipt was edited by hand or is damaged.", { where: receiptPath(projectRoot, environment), hint: `Receipts are written only by a passing gate: ${again}.` });
  }
  if (input.receiptId !== void 0 && input.receiptId !== receipt.id) {
    throw new BlockedError("The receipt id given does not match the receipt the gate issued.", { expected: "the id printed by the passing gate", found: quote(input.receiptId, 80), hint: again });
  }
  if (receipt.environment !== environment) throw new BlockedError(`The receipt is for ${quote(receipt.environment)}, not ${quote(environment)}.`, { hint: again });
  if (receipt.checks.some((c) => c.status !== "passed")) throw new BlockedError("The receipt lists checks that did not pass.", { hint: again });
  if (Date.parse(receipt.expiresAt) <= now.getTime()) {
    throw new BlockedError(`The gate receipt expired ${formatDuration(now.getTime() - Date.parse(receipt.expiresAt))} ago (issued ${receipt.issuedAt}).`, { hint: `Receipts last ${formatDuration(Date.parse(receipt.expiresAt) - Date.parse(receipt.issuedAt))}: ${again}.` });
  }
  if (Date.parse(receipt.issuedAt) > now.getTime() + 6e4) throw new BlockedError("The gate receipt was issued in the future.", { hint: again });
  const loaded = await loadConfig(projectRoot);
  if (loaded.hash !== receipt.configHash) throw new BlockedError("The configuration changed since the receipt was issued.", { where: loaded.path ?? "shipgate.config.yaml", hint: `${again}: the configuration changed since the gate passed.` });
  const settings = gateSettings(loaded, environment);
  const currentGateHash = gateHash(await resolveGateFiles(projectRoot, settings.gates, input.env));
  if (currentGateHash !== receipt.gateHash) throw new BlockedError("The gate skill changed since the receipt was issued.", { where: settings.gates.join(", "), hint: `${again}: the gate skill changed since the receipt was issued.` });
  if (commit === receipt.commit) return receipt;
  await requireReleaseCommitOnTop(projectRoot, receipt, commit, loaded.config.versioning, again);
  return receipt;
}
var RELEASE_FILES = ["package.json", "package-lock.json", "npm-shrinkwrap.json", "CHANGELOG.md"];
async function requireReleaseCommitOnTop(projectRoot, receipt, commit, versioning, again) {
  const short = (sha) => sha.slice(0, 12);
  const parents = await commitParents(projectRoot, commit);
  if (parents.length !== 1 || parents[0] !== receipt.commit) {
    throw new BlockedError(`The receipt is for commit ${short(receipt.commit)}, but ${short(commit)} is being deployed.`, {
      expected: `commit ${short(receipt.commit)}, or the release commit made directly on top of it`,
      hint: `${again} on ${short(commit)}.`
    });
  }
  const allowed = new Set([...RELEASE_FILES, versioning.changelog, ...versioning.files.map((f) => f.path)].map((p) => p.replace(/^\.\//, "")));
  const changed = await changedPaths(projectRoot, receipt.commit, commit);
  const other = changed === null ? ["(git diff failed)"] : changed.filter((p) => !allowed.has(p) && !p.startsWith(`${STATE_DIR}/`));
  if (other.length) {
    throw new BlockedError(`The commit on top of the gated one changes more than version files: ${other.slice(0, 5).join(", ")}${other.length > 5 ? ", \u2026" : ""}.`, {
      expected: `only ${[...allowed].join(", ")} or shipgate's own ${STATE_DIR}/ (what \`shipgate bump\` writes)`,
      hint: `${again} on ${short(commit)}: its code was never gated.`
    });
  }
}
function isWellFormed(r) {
  return r !== null && typeof r === "object" && r.v === 1 && typeof r.id === "string" && typeof r.commit === "string" && typeof r.environment === "string" && typeof r.gateHash === "string" && typeof r.configHash === "string" && typeof r.issuedAt === "string" && typeof r.expiresAt === "string" && Array.isArray(r.checks) && typeof r.digest === "string" && r.checks.every((c) => c && typeof c.id === "string" && typeof c.status === "string");
}

export {
  issueReceipt,
  requireReceipt
};
