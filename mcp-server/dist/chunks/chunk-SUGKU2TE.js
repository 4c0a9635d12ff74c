import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  globFiles,
  newest
} from "./chunk-RRVZJQ6J.js";
import {
  issueReceipt
} from "./chunk-ZISXHAHP.js";
import {
  gateHash,
  gateSettings,
  parseGateFiles,
  resolveGateFiles
} from "./chunk-Q3LL3MAD.js";
import {
  loadConfig
} from "./chunk-NRUS7RPD.js";
import {
  resolveAttestation
} from "./chunk-FDIYOONR.js";
import {
  WINDOW_OVERRIDE_CHECK
} from "./chunk-ELF2GQKJ.js";
import {
  STATE_DIR
} from "./chunk-3HRCFEKB.js";
import {
  git,
  headCommit
} from "./chunk-2TUREMD7.js";
import {
  runScript
} from "./chunk-GHJBZYRF.js";
import {
  BlockedError
} from "./chunk-Z6DQB4O2.js";
import {
  require_dist
} from "./chunk-5OIYAMLV.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-3SNQWMNX.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/gates/redact-secrets.ts
var PATTERNS = [
  [/\b(gh[pousr]_)[A-Za-z0-9]{16,}/g, "$1[redacted]"],
  [/\b(github_pat_)[A-Za-z0-9_]{20,}/g, "$1[redacted]"],
  [/\b((?:AKIA|ASIA)[A-Z0-9]{4})[A-Z0-9]{8,}/g, "$1[redacted]"],
  [/\b(xox[abposr]-)[A-Za-z0-9-]{8,}/g, "$1[redacted]"],
  [/\b(sk-[a-z]*-?)[A-Za-z0-9_-]{16,}/g, "$1[redacted]"],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, "$1[redacted]"],
  [/\b(Basic\s+)[A-Za-z0-9+/=]{8,}/g, "$1[redacted]"],
  [/\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&"']+)/gi, "$1[redacted]"],
  [/(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, "$1 [redacted] $2"]
];
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL/i;
function secretEnvValues(env) {
  const values = [];
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 6 && SECRET_NAME.test(name)) values.push(value);
  }
  return values.sort((a, b) => b.length - a.length);
}
function redactSecrets(text, envValues = []) {
  let out = text;
  for (const value of envValues) out = out.split(value).join("[redacted]");
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
function outputTail(stdout, stderr, envValues, max = 2e3) {
  const combined = [stdout, stderr].filter((s) => s.trim() !== "").join("\n");
  const redacted = redactSecrets(combined, envValues);
  return redacted.length > max ? `\u2026${redacted.slice(redacted.length - max)}` : redacted;
}

// mcp-server/src/gates/verify/verify-kind.ts
function attribute(spec, name) {
  const value = spec.attributes[name];
  return value === void 0 || value.trim() === "" ? void 0 : value.trim();
}

// mcp-server/src/gates/verify/command.ts
var DEFAULT_COMMAND_TIMEOUT_MS = 10 * 6e4;
var commandKind = {
  kind: "command",
  async verify(spec, context) {
    const script = spec.text.trim();
    if (!script) return { status: "error", message: "The verify element has no command text to run." };
    const timeoutText = attribute(spec, "timeout");
    const timeoutMs = timeoutText && parseDuration(timeoutText) || DEFAULT_COMMAND_TIMEOUT_MS;
    const expectedCode = Number(attribute(spec, "exit_code") ?? "0");
    const result = await runScript(script, { cwd: context.projectRoot, timeoutMs, signal: context.signal });
    const tail = outputTail(result.stdout, result.stderr, context.secretValues);
    const contains = attribute(spec, "output_contains");
    if (result.timedOut) return { status: "failed", message: `\`${script}\` did not finish within ${timeoutMs / 1e3}s.`, outputTail: tail };
    if (result.spawnError) return { status: "error", message: `\`${script}\` could not start: ${result.spawnError}`, outputTail: tail };
    if (result.exitCode !== expectedCode) return { status: "failed", message: `\`${script}\` exited with ${result.exitCode}, expected ${expectedCode}.`, outputTail: tail };
    if (contains && !`${result.stdout}
${result.stderr}`.includes(contains)) {
      return { status: "failed", message: `\`${script}\` output does not contain ${JSON.stringify(contains)}.`, outputTail: tail };
    }
    return { status: "passed", message: `\`${script}\` exited with ${result.exitCode}.`, outputTail: tail };
  }
};

// mcp-server/src/gates/verify/file-exists.ts
function expandDateTokens(pattern, now) {
  const iso = now.toISOString();
  const [yyyy, mm, dd] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return pattern.replace(/YYYY-MM-DD/g, `${yyyy}-${mm}-${dd}`).replace(/YYYY/g, yyyy).replace(/MM/g, mm).replace(/DD/g, dd);
}
var fileExistsKind = {
  kind: "file-exists",
  async verify(spec, context) {
    const raw = attribute(spec, "path");
    if (!raw) return { status: "error", message: "The verify element needs a `path` attribute." };
    const pattern = expandDateTokens(raw, context.now());
    const minSize = Number(attribute(spec, "min_size") ?? "0");
    const matches = (await globFiles(context.projectRoot, pattern)).filter((m) => m.size >= minSize);
    if (matches.length === 0) return { status: "failed", message: `No file matches ${pattern}${minSize ? ` with at least ${minSize} bytes` : ""}.` };
    return { status: "passed", message: `Found ${matches[0].relativePath}${matches.length > 1 ? ` and ${matches.length - 1} more` : ""}.` };
  }
};

// mcp-server/src/gates/verify/file-age.ts
var fileAgeKind = {
  kind: "file-age",
  async verify(spec, context) {
    const raw = attribute(spec, "path");
    const maxAgeText = attribute(spec, "max_age");
    const maxAgeMs = maxAgeText ? parseDuration(maxAgeText) : void 0;
    if (!raw || maxAgeMs === void 0) return { status: "error", message: 'The verify element needs `path` and `max_age` (like "24h") attributes.' };
    const pattern = expandDateTokens(raw, context.now());
    const file = newest(await globFiles(context.projectRoot, pattern));
    if (!file) return { status: "failed", message: `No file matches ${pattern}; expected one younger than ${formatDuration(maxAgeMs)}.` };
    const age = Math.max(0, context.now().getTime() - file.mtimeMs);
    if (age > maxAgeMs) return { status: "failed", message: `${file.relativePath} is ${formatDuration(Math.round(age))} old, expected at most ${formatDuration(maxAgeMs)}.` };
    return { status: "passed", message: `${file.relativePath} is ${formatDuration(Math.round(age))} old (limit ${formatDuration(maxAgeMs)}).` };
  }
};

// mcp-server/src/gates/verify/state.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
var stateKind = {
  kind: "state",
  async verify(spec, context) {
    const key = attribute(spec, "key");
    const equals = attribute(spec, "equals");
    const inList = attribute(spec, "in")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (!key || equals === void 0 && !inList?.length) return { status: "error", message: "The verify element needs `key` and `equals` (or `in`) attributes." };
    const pattern = attribute(spec, "file") ?? context.config.state.file;
    const file = newest(await globFiles(context.projectRoot, pattern));
    if (!file) return { status: "failed", message: `No state file matches ${pattern}; expected ${key} = ${equals ?? inList.join("|")}.` };
    const text = await readFile(file.path, "utf8");
    const lineCounter = new import_yaml.LineCounter();
    const document = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false });
    const problem = document.errors[0];
    if (problem) {
      const at = lineCounter.linePos(problem.pos[0]);
      return { status: "failed", message: `${file.relativePath}:${at.line}:${at.col}: the state file is not valid YAML/JSON (${problem.message.split("\n")[0]}); fix it, then run the gate again.` };
    }
    let value = document.toJS();
    for (const part of key.split(".")) {
      value = value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, part) ? value[part] : void 0;
    }
    const expected = equals !== void 0 ? [equals] : inList;
    if (value === void 0) return { status: "failed", message: `${file.relativePath}: ${key} is missing, expected ${expected.join(" or ")}.` };
    const found = typeof value === "object" ? JSON.stringify(value) : String(value);
    if (!expected.includes(found)) return { status: "failed", message: `${file.relativePath}: ${key} is ${JSON.stringify(found)}, expected ${expected.map((e) => JSON.stringify(e)).join(" or ")}.` };
    return { status: "passed", message: `${file.relativePath}: ${key} = ${found}.` };
  }
};

// mcp-server/src/gates/verify/git-clean.ts
var gitCleanKind = {
  kind: "git-clean",
  async verify(spec, context) {
    const allowUntracked = attribute(spec, "allow_untracked") === "true";
    const result = await git(context.projectRoot, ["status", "--porcelain", allowUntracked ? "--untracked-files=no" : "--untracked-files=all"], context.signal);
    if (result.exitCode !== 0) return { status: "error", message: `git status failed: ${result.stderr.trim().slice(0, 300)}` };
    const dirty = result.stdout.split("\n").filter((line) => line.trim() && !line.slice(3).startsWith(`${STATE_DIR}/`) && !line.slice(3).startsWith('".claude/shipgate/'));
    if (dirty.length) return { status: "failed", message: `The working tree has ${dirty.length} uncommitted change${dirty.length > 1 ? "s" : ""}: ${dirty.slice(0, 5).map((l) => l.slice(3)).join(", ")}${dirty.length > 5 ? ", \u2026" : ""}. Commit or stash them.` };
    return { status: "passed", message: "The working tree is clean." };
  }
};

// mcp-server/src/gates/verify/git-branch.ts
var gitBranchKind = {
  kind: "git-branch",
  async verify(spec, context) {
    const wanted = attribute(spec, "branch")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (!wanted?.length) return { status: "error", message: "The verify element needs a `branch` attribute." };
    const result = await git(context.projectRoot, ["symbolic-ref", "--quiet", "--short", "HEAD"], context.signal);
    const branch = result.stdout.trim();
    if (result.exitCode !== 0 || !branch) return { status: "failed", message: `HEAD is detached; expected branch ${wanted.join(" or ")}.` };
    const match = wanted.some((w) => new RegExp(`^${w.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replace(/\*/g, ".*")}$`).test(branch));
    if (!match) return { status: "failed", message: `HEAD is on ${branch}, expected ${wanted.join(" or ")}.` };
    return { status: "passed", message: `HEAD is on ${branch}.` };
  }
};

// mcp-server/src/gates/verify/http.ts
var httpKind = {
  kind: "http",
  async verify(spec, context) {
    const raw = attribute(spec, "url");
    if (!raw) return { status: "error", message: "The verify element needs a `url` attribute." };
    if (raw.includes("{url}") && !context.settings.url) return { status: "error", message: `The url uses {url} but environment "${context.environment}" has no \`url\` in the configuration.` };
    const url = raw.replace(/\{url\}/g, (context.settings.url ?? "").replace(/\/$/, ""));
    if (!/^https?:\/\//.test(url)) return { status: "error", message: `Expected an http(s) URL, found ${JSON.stringify(url.slice(0, 200))}.` };
    const status = Number(attribute(spec, "status") ?? "200");
    const timeoutMs = parseDuration(attribute(spec, "timeout") ?? "10s") ?? 1e4;
    const method = (attribute(spec, "method") ?? "GET").toUpperCase();
    const signals = [AbortSignal.timeout(timeoutMs), ...context.signal ? [context.signal] : []];
    let response;
    let body;
    try {
      response = await fetch(url, { method, signal: AbortSignal.any(signals), redirect: "manual" });
      body = await response.text();
    } catch (error) {
      return { status: "failed", message: `${method} ${url} failed: ${error.message}.` };
    }
    const contains = attribute(spec, "body_contains");
    const tail = redactSecrets(body.slice(0, 500), context.secretValues);
    if (response.status !== status) return { status: "failed", message: `${method} ${url} answered ${response.status}, expected ${status}.`, outputTail: tail };
    if (contains && !body.includes(contains)) return { status: "failed", message: `${method} ${url} answered ${status} but the body does not contain ${JSON.stringify(contains)}.`, outputTail: tail };
    return { status: "passed", message: `${method} ${url} answered ${status}.` };
  }
};

// mcp-server/src/gates/verify/deploy-window.ts
var DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
function localTime(instant, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type) => parts.find((p) => p.type === type)?.value ?? "00";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  const day = DAYS[(/* @__PURE__ */ new Date(`${date}T12:00:00Z`)).getUTCDay()];
  return { date, day, time: `${get("hour")}:${get("minute")}` };
}
function windowDenial(policy, instant) {
  const local = localTime(instant, policy.timezone);
  for (const rule of policy.deny) {
    const inHours = rule.from <= rule.to ? local.time >= rule.from && local.time <= rule.to : local.time >= rule.from || local.time <= rule.to;
    if (rule.days.includes(local.day) && inHours) {
      return `${local.day} ${local.date} ${local.time} (${policy.timezone}) is inside the denied window ${rule.days.join(",")} ${rule.from}\u2013${rule.to}${rule.reason ? `: ${rule.reason}` : ""}`;
    }
  }
  if (policy.holidays.includes(local.date)) return `${local.date} is a holiday in the window policy (${policy.timezone})`;
  if (policy.denyBeforeHolidays) {
    const next = /* @__PURE__ */ new Date(`${local.date}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const tomorrow = next.toISOString().slice(0, 10);
    if (policy.holidays.includes(tomorrow)) return `${local.date} is the day before the holiday ${tomorrow} (${policy.timezone})`;
  }
  return null;
}
var deployWindowKind = {
  kind: "deploy-window",
  async verify(_spec, context) {
    const policy = context.settings.window;
    let denial;
    try {
      denial = windowDenial(policy, context.now());
    } catch (error) {
      return { status: "error", message: `The window policy cannot be evaluated: ${error.message}. Check window.timezone (an IANA name like "Europe/Berlin").` };
    }
    if (!denial) return { status: "passed", message: `Inside the deployment window (${policy.timezone}).` };
    const override = await resolveAttestation(context, WINDOW_OVERRIDE_CHECK, `deploy outside the window (${denial}); give the reason as evidence`);
    if (override.status === "passed") return { status: "passed", message: `Outside the window (${denial}), overridden. ${override.message}`, attestation: override.attestation };
    return {
      status: "failed",
      message: `Deployment window closed: ${denial}. Wait for the window, or a human records an override with a reason: \`shipgate attest ${WINDOW_OVERRIDE_CHECK} --env ${context.environment} --by NAME --evidence REASON\`.`
    };
  }
};

// mcp-server/src/gates/verify/attestation.ts
var attestationKind = {
  kind: "attestation",
  async verify(spec, context) {
    const role = attribute(spec, "role");
    const prompt = attribute(spec, "prompt") ?? spec.text.trim() ?? `confirm ${context.checkId}`;
    const maxAgeText = attribute(spec, "max_age");
    const maxAgeMs = maxAgeText ? parseDuration(maxAgeText) : void 0;
    return resolveAttestation(context, context.checkId, role ? `${prompt} (by a ${role})` : prompt || `confirm ${context.checkId}`, maxAgeMs);
  }
};

// mcp-server/src/gates/verify/index.ts
var verifyKinds = Object.freeze(
  Object.fromEntries([commandKind, fileExistsKind, fileAgeKind, stateKind, gitCleanKind, gitBranchKind, httpKind, deployWindowKind, attestationKind].map((k) => [k.kind, k]))
);

// mcp-server/src/gates/run-gate.ts
async function runGate(options) {
  const started = performance.now();
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const processEnv = options.env ?? process.env;
  const [loaded, commit] = await Promise.all([loadConfig(options.projectRoot), headCommit(options.projectRoot, options.signal)]);
  const settings = gateSettings(loaded, options.environment);
  const files = await resolveGateFiles(options.projectRoot, settings.gates, processEnv);
  const documents = await parseGateFiles(files);
  const planned = [];
  documents.forEach((document, i) => {
    for (const gate of document.model.safetyGates) for (const check of gate.checks) planned.push({ check, gate, file: files[i].displayPath });
  });
  const context = {
    projectRoot: options.projectRoot,
    environment: options.environment,
    commit,
    now,
    elicit: options.elicit,
    checkId: "",
    config: loaded.config,
    settings,
    signal: options.signal,
    secretValues: secretEnvValues(processEnv)
  };
  const checks = [];
  const needsAttestation = [];
  let stopped = false;
  for (const [index, item] of planned.entries()) {
    const { check, gate, file } = item;
    const base = { id: check.id, gate: file, type: gate.type, decider: deciderName(check), verifyKind: check.decider?.kind === "verify" ? check.decider.verify.kind : void 0, line: check.position.line };
    if (stopped || options.signal?.aborted) {
      checks.push({ ...base, status: "skipped", message: options.signal?.aborted ? "Skipped: the run was cancelled." : "Skipped: an earlier blocking check failed (use --all to run every check).", durationMs: 0 });
      continue;
    }
    options.onProgress?.({ checkId: check.id, index, total: planned.length, status: "running", message: `Running ${check.id}` });
    const checkStarted = performance.now();
    const { prompt, ...outcome } = await decide(check, { ...context, checkId: check.id });
    const result2 = { ...base, ...outcome, durationMs: Math.round(performance.now() - checkStarted) };
    checks.push(result2);
    if (result2.status === "needs_attestation") needsAttestation.push({ checkId: check.id, prompt: prompt ?? result2.message });
    options.onProgress?.({ checkId: check.id, index, total: planned.length, status: result2.status, message: result2.message });
    if (gate.type === "blocking" && result2.status !== "passed" && !options.all) stopped = true;
  }
  const blocking = checks.filter((c) => c.type === "blocking");
  const blockedBy = blocking.filter((c) => c.status !== "passed" && c.status !== "skipped").map((c) => c.id);
  const ok = blocking.length > 0 && blocking.every((c) => c.status === "passed");
  if (blocking.length === 0) blockedBy.push("no_blocking_checks");
  if (options.signal?.aborted) blockedBy.push("cancelled");
  const issue = ok && !options.signal?.aborted ? issueReceipt({
    projectRoot: options.projectRoot,
    environment: options.environment,
    commit,
    gateHash: gateHash(files),
    configHash: loaded.hash,
    ttlMs: settings.receiptTtlMs,
    now: now(),
    checks: blocking.map((c) => ({ id: c.id, status: c.status }))
  }) : Promise.resolve(void 0);
  const result = {
    ok: ok && !options.signal?.aborted,
    environment: options.environment,
    commit,
    gateFiles: files.map((f) => f.displayPath),
    checks,
    blockedBy,
    durationMs: Math.round(performance.now() - started),
    needsAttestation
  };
  const [receipt] = await Promise.all([issue, recordGateRun(options.projectRoot, result)]);
  if (receipt) result.receipt = receipt;
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
function deciderName(check) {
  return check.decider?.kind ?? "attestation";
}
async function decide(check, context) {
  try {
    const decider = check.decider;
    if (!decider) {
      if (check.deciders.length === 0 && (check.requirement || check.verification)) {
        return await resolveAttestation(context, check.id, check.requirement ?? check.verification ?? check.id);
      }
      return { status: "error", message: `Check ${check.id} has no <command>, <verify> or <requirement>: it cannot be decided. Run \`shipgate validate\` on the gate skill.` };
    }
    if (decider.kind === "attestation") {
      return await resolveAttestation(context, check.id, decider.requirement ?? decider.verification ?? check.requirement ?? check.id);
    }
    if (decider.kind === "command") {
      const timeoutMs = check.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
      const run = await runScript(decider.command, { cwd: context.projectRoot, timeoutMs, signal: context.signal });
      const tail = outputTail(run.stdout, run.stderr, context.secretValues);
      if (run.aborted) return { status: "error", message: `\`${decider.command}\` was cancelled.`, outputTail: tail };
      if (run.timedOut) return { status: "failed", message: `\`${decider.command}\` did not finish within ${Math.round(timeoutMs / 1e3)}s.`, outputTail: tail };
      if (run.spawnError) return { status: "error", message: `\`${decider.command}\` could not start: ${run.spawnError}`, outputTail: tail };
      if (run.exitCode !== 0) return { status: "failed", message: `\`${decider.command}\` exited with ${run.exitCode}, expected 0${check.expected ? ` (${check.expected.split("\n")[0]})` : ""}.`, outputTail: tail };
      return { status: "passed", message: `\`${decider.command}\` exited with 0.`, outputTail: tail || void 0 };
    }
    const kind = verifyKinds[decider.verify.kind];
    if (!kind) return { status: "error", message: `Unknown verify kind ${JSON.stringify(decider.verify.kind)}; expected one of ${Object.keys(verifyKinds).join(", ")}.` };
    return await kind.verify(decider.verify, context);
  } catch (error) {
    if (error instanceof BlockedError) return { status: "failed", message: error.message };
    return { status: "error", message: `Check ${check.id} could not run: ${error.message}` };
  }
}
async function recordGateRun(projectRoot, result) {
  try {
    const { recordRun } = await import("./record-run-ZAGK5HHH.js");
    const passed = (predicate) => result.checks.some((c) => predicate(c) && c.status === "passed");
    await recordRun(projectRoot, {
      phase: "gate",
      outcome: result.ok ? "succeeded" : "blocked",
      environment: result.environment,
      commit: result.commit,
      durationMs: result.durationMs,
      failedChecks: result.blockedBy,
      rollbackReady: passed((c) => /rollback/.test(c.id)),
      stagingApproved: passed((c) => c.verifyKind === "state" && /staging/.test(c.id))
    });
  } catch {
  }
}

export {
  runGate
};
