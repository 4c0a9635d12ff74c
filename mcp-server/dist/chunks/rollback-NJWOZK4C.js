import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  currentRelease,
  healthChecksOf,
  listReleases,
  loadDeployContext,
  recordLearnings,
  releaseForTag
} from "./chunk-A5CLVOLX.js";
import "./chunk-KSWBZCCK.js";
import "./chunk-MQJJAQZI.js";
import {
  acquireDeployLock,
  allocateRecordPaths,
  markAbortedRecords,
  newRecord,
  writeRecord
} from "./chunk-727VNCNB.js";
import {
  runHttpChecks
} from "./chunk-BJLGRV25.js";
import {
  readEnvironmentState,
  writeEnvironmentState
} from "./chunk-5ZBWD2KA.js";
import "./chunk-ZISXHAHP.js";
import "./chunk-Q3LL3MAD.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import {
  BlockedError,
  FailedError,
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-O4TABYHR.js";
import {
  require_semver
} from "./chunk-4LOJUVA5.js";
import "./chunk-3SNQWMNX.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/deploy/rollback.ts
var import_semver = __toESM(require_semver(), 1);
async function planRollback(options) {
  const { projectRoot, environment, context } = options;
  const reason = options.reason.trim();
  if (!reason) throw new UsageError("A rollback needs a reason.", { where: "--reason", expected: "a short text: what is wrong", hint: 'shipgate rollback --reason "checkout returns 500 since 1.4.0"' });
  const from = await currentRelease(projectRoot, environment, context);
  let to;
  if (options.to) {
    const version = options.to.startsWith(context.tagPrefix) ? options.to.slice(context.tagPrefix.length) : options.to;
    if (!import_semver.default.valid(version)) throw new UsageError(`"${options.to}" is not a version.`, { where: "--to", expected: "a semantic version like 1.2.3" });
    to = await releaseForTag(projectRoot, `${context.tagPrefix}${version}`, context.tagPrefix);
    if (!to) throw new BlockedError(`There is no release tag ${context.tagPrefix}${version}.`, { where: "--to", hint: "Run `git tag --list` to see the releases." });
  } else {
    const state2 = await readEnvironmentState(projectRoot, environment);
    to = [...state2.served].reverse().find((r) => r.sha !== from?.sha);
    if (!to && from) to = (await listReleases(projectRoot, context.tagPrefix)).find((r) => import_semver.default.lt(r.version, from.version));
    if (to) to = { version: to.version, tag: to.tag, sha: to.sha };
  }
  if (!to) throw new BlockedError(`No previous release of ${environment} to roll back to.`, { expected: "an earlier release tag, or --to VERSION", hint: "Name one with --to VERSION." });
  const state = await readEnvironmentState(projectRoot, environment);
  const action = { action: context.provider.supports("undo") ? "undo" : "deploy", color: context.environment.strategy.type === "blue-green" ? state.liveColor : "stable" };
  const before = context.environment.strategy.type === "canary" && context.provider.supports("traffic") && context.provider.supports("undo") ? [{ action: "traffic", weight: 0, color: "canary" }, { action: "undo", color: "canary" }] : [];
  const commands = [...before.flatMap((a) => context.provider.commands(a, to)), ...context.provider.commands(action, to)];
  return { environment, ...from ? { from } : {}, to, before, action, commands, timeoutMs: Math.min(context.providerTimeoutMs, context.environment.rollback.timeout), reason };
}
async function runRollback(options) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const context = await loadDeployContext(options.projectRoot, options.environment, void 0, options.kubectl);
  await markAbortedRecords(context.recordsDir, now());
  const plan = await planRollback({ ...options, context });
  if (options.dryRun) return { dryRun: true, plan };
  const unlock = await acquireDeployLock(options.projectRoot, options.environment, `rollback to ${plan.to.tag}`, now());
  try {
    const record = newRecord({
      id: `${options.environment}-rollback-${plan.to.tag}-${now().getTime()}`,
      kind: "rollback",
      environment: options.environment,
      strategy: context.environment.strategy.type,
      provider: context.provider.type,
      version: plan.to.version,
      tag: plan.to.tag,
      commit: plan.to.sha,
      ...plan.from ? { previous: plan.from } : {},
      startedAt: now().toISOString(),
      reason: plan.reason,
      files: await allocateRecordPaths(context.recordsDir, `rollback-${plan.to.tag}`, now()),
      steps: [{ id: "undo", kind: "provider", description: `put ${plan.to.tag} back`, commands: plan.commands, timeoutMs: plan.timeoutMs, status: "running", startedAt: now().toISOString() }]
    });
    await writeRecord(record);
    const started = Date.now();
    const providerContext = { projectRoot: options.projectRoot, timeoutMs: plan.timeoutMs };
    let result = { ok: true, runs: [], detail: "" };
    for (const action of [...plan.before, plan.action]) {
      const step2 = await context.provider.run(action, plan.to, providerContext);
      result = { ok: step2.ok, runs: [...result.runs, ...step2.runs], detail: [result.detail, step2.detail].filter(Boolean).join("; ") };
      if (!step2.ok) break;
    }
    const step = record.steps[0];
    Object.assign(step, { status: result.ok ? "passed" : "failed", finishedAt: (/* @__PURE__ */ new Date()).toISOString(), detail: result.detail });
    let verified;
    const checks = healthChecksOf(context.environment);
    if (result.ok && context.environment.url && checks.length) {
      const verify = { id: "verify", kind: "health", description: "health checks after the rollback", timeoutMs: 3e4, status: "running", startedAt: (/* @__PURE__ */ new Date()).toISOString() };
      record.steps.push(verify);
      const health = await runHttpChecks(context.environment.url, checks);
      verified = health.ok;
      Object.assign(verify, { status: health.ok ? "passed" : "failed", finishedAt: (/* @__PURE__ */ new Date()).toISOString(), detail: health.results.map((r) => `${r.name} ${r.ok ? "ok" : r.error}`).join("; ") });
      for (const r of health.results) record.measurements.push({ at: (/* @__PURE__ */ new Date()).toISOString(), step: "verify", name: `${r.name} status`, value: r.status ?? "no answer", ok: r.ok });
    }
    const ok = result.ok && verified !== false;
    record.status = ok ? "succeeded" : "failed";
    record.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    await writeRecord(record);
    if (result.ok) {
      const state = await readEnvironmentState(options.projectRoot, options.environment);
      await writeEnvironmentState(options.projectRoot, options.environment, { ...state, live: plan.to, served: [...state.served, { ...plan.to, at: now().toISOString() }].slice(-50) });
    }
    await recordLearnings(options.projectRoot, { phase: "rollback", outcome: ok ? "succeeded" : "failed", environment: options.environment, version: plan.to.version, commit: plan.to.sha, durationMs: Date.now() - started, rollbackTrigger: plan.reason, ...verified !== void 0 ? { healthChecksRun: checks.length } : {} });
    if (!result.ok) throw Object.assign(new FailedError(`The rollback to ${plan.to.tag} failed: ${result.detail}`, { where: record.files.markdown, hint: "Production may be in a mixed state: read the record and act by hand." }), { record });
    return { plan, status: ok ? "succeeded" : "failed", exitCode: ok ? 0 : 1, ...verified !== void 0 ? { verified } : {}, record };
  } finally {
    await unlock();
  }
}
export {
  planRollback,
  runRollback
};
