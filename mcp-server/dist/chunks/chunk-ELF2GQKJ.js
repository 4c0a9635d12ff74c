import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  statePaths
} from "./chunk-3HRCFEKB.js";
import {
  headCommit
} from "./chunk-2TUREMD7.js";
import {
  withFileLock
} from "./chunk-H2VYXQ36.js";
import {
  InputError,
  quote
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/gates/attestations.ts
import { appendFile, readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
var CHECK_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
var ENVIRONMENT_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;
var MAX_BY = 100;
var MAX_EVIDENCE = 2e3;
var WINDOW_OVERRIDE_CHECK = "deploy_window_override";
function validateAttestationInput(input) {
  checkPattern("check id", input.checkId, CHECK_ID_PATTERN, 'snake_case, starting with a letter, at most 64 characters, like "code_review"');
  checkPattern("environment", input.environment, ENVIRONMENT_PATTERN, 'a lowercase name like "production"');
  checkText("by", input.by, MAX_BY, 'the name of the person attesting, like "Ada Lovelace"');
  checkText("evidence", input.evidence, MAX_EVIDENCE, 'what was checked and where the proof is, like "PR #12 approved"');
}
function checkPattern(name, value, pattern, expected) {
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new InputError(`The ${name} is not valid.`, { where: name, expected, found: quote(String(value), 80) });
  }
}
function checkText(name, value, max, expected) {
  if (typeof value !== "string" || value.trim() === "" || value.length > max || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) {
    throw new InputError(`The ${name} is not valid.`, {
      where: name,
      expected: `${expected}; 1 to ${max} characters, no control characters`,
      found: typeof value === "string" ? `${value.length} characters: ${quote(value, 60)}` : typeof value
    });
  }
}
async function recordAttestation(input) {
  validateAttestationInput(input);
  const now = input.now ?? (() => /* @__PURE__ */ new Date());
  const commit = input.commit ?? await headCommit(input.projectRoot);
  const attestation = {
    v: 1,
    id: randomUUID(),
    environment: input.environment,
    checkId: input.checkId,
    commit,
    by: input.by.trim(),
    evidence: input.evidence.trim(),
    at: now().toISOString(),
    via: input.via ?? "api"
  };
  const file = statePaths(input.projectRoot).attestations;
  await withFileLock(`${file}.lock`, () => appendFile(file, `${JSON.stringify(attestation)}
`, { encoding: "utf8" }));
  return attestation;
}
async function findAttestation(input) {
  const all = await readAttestations(input.projectRoot);
  const nowMs = (input.now ?? (() => /* @__PURE__ */ new Date()))().getTime();
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const a = all[i];
    if (a.environment !== input.environment || a.checkId !== input.checkId || a.commit !== input.commit) continue;
    const at = Date.parse(a.at);
    if (!Number.isFinite(at)) continue;
    if (input.maxAgeMs !== void 0 && nowMs - at > input.maxAgeMs) continue;
    return a;
  }
  return void 0;
}
async function readAttestations(projectRoot) {
  let text;
  try {
    text = await readFile(statePaths(projectRoot).attestations, "utf8");
  } catch {
    return [];
  }
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line);
      if (value && typeof value.checkId === "string" && typeof value.commit === "string" && typeof value.environment === "string" && typeof value.by === "string" && typeof value.at === "string") {
        out.push(value);
      }
    } catch {
    }
  }
  return out;
}

export {
  CHECK_ID_PATTERN,
  ENVIRONMENT_PATTERN,
  MAX_BY,
  MAX_EVIDENCE,
  WINDOW_OVERRIDE_CHECK,
  validateAttestationInput,
  recordAttestation,
  findAttestation,
  readAttestations
};
