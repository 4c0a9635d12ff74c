import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  createProvider,
  providerTimeoutMs
} from "./chunk-KSWBZCCK.js";
import {
  planDeploy,
  strategyNames
} from "./chunk-MQJJAQZI.js";
import {
  acquireDeployLock,
  allocateRecordPaths,
  markAbortedRecords,
  newRecord,
  writeRecord
} from "./chunk-727VNCNB.js";
import {
  loadSmokeTestFile,
  runHttpChecks
} from "./chunk-BJLGRV25.js";
import {
  readEnvironmentState,
  writeEnvironmentState
} from "./chunk-5ZBWD2KA.js";
import {
  requireReceipt
} from "./chunk-ZISXHAHP.js";
import {
  getEnvironment,
  loadConfig
} from "./chunk-NRUS7RPD.js";
import {
  git,
  headCommit
} from "./chunk-2TUREMD7.js";
import {
  runScript
} from "./chunk-GHJBZYRF.js";
import {
  BlockedError,
  ShipgateError,
  UsageError
} from "./chunk-Z6DQB4O2.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import {
  require_semver
} from "./chunk-4LOJUVA5.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/deploy/run-deploy.ts
import { resolve as resolve2 } from "node:path";

// mcp-server/src/deploy/apply-deploy.ts
import { resolve } from "node:path";

// mcp-server/src/deploy/monitor-window.ts
async function watchWindow(options) {
  const { monitor, checks } = options;
  const started = Date.now();
  const expectedTicks = Math.max(1, Math.floor(options.durationMs / monitor.interval) + 1);
  const ticks = [];
  const history = [];
  let consecutive = 0;
  let failingSince;
  const done = (verdict, trigger) => ({
    verdict,
    ...trigger ? { trigger } : {},
    ticks,
    observedMs: Date.now() - started,
    completed: verdict === "healthy"
  });
  if (checks.length === 0) return done("healthy");
  for (let index = 0; ; index += 1) {
    if (options.signal?.aborted) return done("aborted");
    const tickStart = Date.now();
    const { ok, results } = await runHttpChecks(options.baseUrl, checks, options.signal, false);
    if (options.signal?.aborted) return done("aborted");
    const failed = results.filter((result) => !result.ok).length;
    const tick = {
      at: new Date(tickStart).toISOString(),
      ok,
      failed,
      total: results.length,
      maxLatencyMs: Math.max(0, ...results.map((r) => r.latencyMs)),
      errors: results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error ?? "failed"}`)
    };
    ticks.push(tick);
    history.push({ at: tickStart, failed, total: results.length });
    await options.onTick?.(tick, index, expectedTicks);
    consecutive = ok ? 0 : consecutive + 1;
    failingSince = ok ? void 0 : failingSince ?? tickStart;
    if (consecutive >= monitor.failureLimit) {
      return done("rollback", `health failed on ${consecutive} consecutive checks (failure limit ${monitor.failureLimit}): ${tick.errors.join(", ")}`);
    }
    if (failingSince !== void 0 && tickStart - failingSince >= monitor.healthFailingFor) {
      return done("rollback", `health failing for ${Math.round((tickStart - failingSince) / 1e3)}s (limit ${Math.round(monitor.healthFailingFor / 1e3)}s)`);
    }
    const recent = history.filter((h) => h.at >= tickStart - monitor.errorRateFor);
    if (tickStart - started >= monitor.errorRateFor && recent.length > 1) {
      const total = recent.reduce((s, h) => s + h.total, 0);
      const failedRecent = recent.reduce((s, h) => s + h.failed, 0);
      const rate = total ? failedRecent / total : 0;
      if (rate > monitor.maxErrorRate) {
        return done("rollback", `error rate ${(rate * 100).toFixed(1)}% above ${(monitor.maxErrorRate * 100).toFixed(1)}% for ${Math.round(monitor.errorRateFor / 1e3)}s`);
      }
    }
    const elapsed = Date.now() - started;
    if (elapsed >= options.durationMs) return done("healthy");
    const wait = Math.min(monitor.interval - (Date.now() - tickStart), options.durationMs - elapsed);
    if (wait > 0) {
      const aborted = await sleep(wait, options.signal);
      if (aborted) return done("aborted");
    }
  }
}
function sleep(ms, signal) {
  return new Promise((resolve3) => {
    if (signal?.aborted) return resolve3(true);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve3(false);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve3(true);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// mcp-server/src/deploy/apply-deploy.ts
function healthChecksOf(environment) {
  return environment.health.checks.map((check) => ({ ...check }));
}
function urlFor(environment, target, color) {
  if (target === "production") return environment.url;
  return environment.previewUrl?.replace(/\{color\}/g, color ?? "canary");
}
async function applyDeploy(options) {
  const { plan, environment, provider, record } = options;
  const checks = healthChecksOf(environment);
  const total = plan.steps.length;
  const started = [];
  let candidateColor;
  let failure;
  let monitorPlannedMs = 0;
  let monitorObservedMs = 0;
  let monitorCompleted = true;
  let healthChecksRun = 0;
  record.steps = plan.steps.map((step) => toRecordStep(step));
  await writeRecord(record);
  for (const [index, step] of plan.steps.entries()) {
    const recordStep = record.steps[index];
    if (options.signal?.aborted) {
      failure = "the deploy was interrupted (signal) before it finished";
      break;
    }
    recordStep.status = "running";
    recordStep.startedAt = (/* @__PURE__ */ new Date()).toISOString();
    await writeRecord(record);
    await options.onProgress?.({ index, total, step: step.id, message: step.description });
    started.push(step);
    let ok = true;
    let detail = "";
    if (step.action) {
      if (step.action.action === "deploy" && step.action.color) candidateColor = step.action.color;
      const release = step.release === "previous" ? plan.previous : plan.next;
      const result = release ? await provider.run(step.action, release, { projectRoot: options.projectRoot, timeoutMs: options.providerTimeoutMs, signal: options.signal }) : { ok: false, detail: "no release to apply", runs: [] };
      ok = result.ok;
      detail = result.detail;
    } else if (step.kind === "health") {
      const url = urlFor(environment, step.target ?? "production", candidateColor);
      if (!url || checks.length === 0) {
        recordStep.status = "skipped";
        detail = !url ? `no ${step.target === "candidate" ? "previewUrl" : "url"} configured for this environment` : "no health checks configured";
      } else {
        const result = await runHttpChecks(url, checks, options.signal);
        healthChecksRun += result.results.length;
        addProbeMeasurements(record, step.id, result.results, checks);
        ok = result.ok;
        detail = summarize(result.results);
      }
    } else if (step.kind === "smoke") {
      const url = urlFor(environment, "production", void 0);
      if (!url || !environment.health.smokeTests) {
        recordStep.status = "skipped";
        detail = "no url or smoke tests configured";
      } else {
        const tests = await loadSmokeTestFile(resolve(options.projectRoot, environment.health.smokeTests));
        const result = await runHttpChecks(url, tests, options.signal);
        addProbeMeasurements(record, step.id, result.results, tests);
        ok = result.ok;
        detail = summarize(result.results);
      }
    } else if (step.kind === "monitor") {
      const url = urlFor(environment, step.target ?? "production", candidateColor) ?? environment.url;
      monitorPlannedMs += step.durationMs ?? 0;
      if (!url || checks.length === 0) {
        recordStep.status = "skipped";
        detail = "no url or health checks to monitor with";
      } else {
        const outcome = await watchWindow({
          baseUrl: url,
          checks,
          monitor: environment.monitor,
          durationMs: step.durationMs ?? 0,
          signal: options.signal,
          onTick: async (tick, tickIndex, tickTotal) => {
            record.measurements.push({ at: tick.at, step: step.id, name: "failed checks", value: `${tick.failed}/${tick.total}`, threshold: `failure limit ${environment.monitor.failureLimit} in a row`, ok: tick.ok });
            record.measurements.push({ at: tick.at, step: step.id, name: "max latency ms", value: tick.maxLatencyMs, ok: true });
            await options.onProgress?.({ index, total, step: step.id, message: `tick ${tickIndex + 1}/${tickTotal}: ${tick.ok ? "healthy" : tick.errors.join(", ")}` });
          }
        });
        monitorObservedMs += outcome.observedMs;
        healthChecksRun += outcome.ticks.reduce((sum, tick) => sum + tick.total, 0);
        if (!outcome.completed) monitorCompleted = false;
        ok = outcome.verdict === "healthy";
        detail = outcome.verdict === "healthy" ? `${outcome.ticks.length} ticks, all within limits` : outcome.trigger ?? "interrupted during the monitor window";
      }
    } else if (step.kind === "pause") {
      const aborted = await sleep(step.durationMs ?? 0, options.signal);
      ok = !aborted;
      detail = aborted ? "interrupted" : `waited ${step.durationMs ?? 0} ms`;
    }
    recordStep.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    recordStep.detail = detail;
    if (recordStep.status !== "skipped") recordStep.status = ok ? "passed" : "failed";
    await writeRecord(record);
    if (!ok) {
      failure = `${step.id}: ${detail}`;
      break;
    }
  }
  const base = { monitorPlannedMs, monitorObservedMs, monitorCompleted: monitorCompleted && !failure, healthChecksRun };
  if (!failure) {
    record.status = "succeeded";
    record.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    await writeRecord(record);
    return { status: "succeeded", exitCode: 0, record, ...base };
  }
  for (const step of record.steps) if (step.status === "pending") step.status = "skipped";
  if (!environment.rollback.automatic) {
    record.status = "failed";
    record.reason = `${failure}; automatic rollback is off for this environment (run \`shipgate rollback\`)`;
    record.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    await writeRecord(record);
    return { status: "failed", exitCode: 1, trigger: failure, record, ...base };
  }
  const rolledBack = await rollBackStarted(options, started, failure, checks);
  record.status = rolledBack ? "rolled_back" : "failed";
  record.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
  await writeRecord(record);
  return { status: record.status === "rolled_back" ? "rolled_back" : "failed", exitCode: rolledBack ? 3 : 1, trigger: failure, record, ...base };
}
async function rollBackStarted(options, started, trigger, checks) {
  const { record, plan, provider, environment } = options;
  const seen = /* @__PURE__ */ new Set();
  const undo = [];
  for (const step of [...started].reverse()) {
    for (const u of step.undo ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      undo.push(u);
    }
  }
  const rollback = { trigger, startedAt: (/* @__PURE__ */ new Date()).toISOString(), steps: undo.map((step) => toRecordStep(step)) };
  record.rollback = rollback;
  await writeRecord(record);
  const changedProduction = started.some((step) => step.action !== void 0);
  let allOk = true;
  for (const [index, step] of undo.entries()) {
    const recordStep = rollback.steps[index];
    recordStep.status = "running";
    recordStep.startedAt = (/* @__PURE__ */ new Date()).toISOString();
    const release = step.release === "previous" ? plan.previous : plan.next;
    const result = step.action && release ? await provider.run(step.action, release, { projectRoot: options.projectRoot, timeoutMs: Math.min(options.providerTimeoutMs, environment.rollback.timeout) }) : { ok: false, detail: "nothing to run", runs: [] };
    recordStep.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    recordStep.status = result.ok ? "passed" : "failed";
    recordStep.detail = result.detail;
    allOk &&= result.ok;
    await writeRecord(record);
  }
  for (const procedure of options.rollbackProcedure ?? []) {
    const recordStep = { id: procedure.id, kind: "rollback-procedure", description: procedure.command, timeoutMs: procedure.timeoutMs, status: "running", startedAt: (/* @__PURE__ */ new Date()).toISOString() };
    rollback.steps.push(recordStep);
    const result = await runScript(procedure.command, { cwd: options.projectRoot, timeoutMs: procedure.timeoutMs });
    recordStep.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    recordStep.status = result.exitCode === 0 ? "passed" : "failed";
    recordStep.detail = result.exitCode === 0 ? "ok" : `exit ${result.exitCode}${result.timedOut ? " (timed out)" : ""}`;
    allOk &&= result.exitCode === 0;
    await writeRecord(record);
  }
  if (changedProduction && undo.length === 0 && !plan.previous) {
    rollback.detail = "There is no previous release to go back to (first deploy): production runs the failed release. Fix forward or stop the service.";
  }
  if (environment.url && checks.length) {
    const verify = await runHttpChecks(environment.url, checks);
    rollback.verified = verify.ok;
    addProbeMeasurements(record, "rollback-verify", verify.results, checks);
  }
  rollback.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
  if (!allOk) rollback.detail = `${rollback.detail ? `${rollback.detail} ` : ""}A rollback step failed: production may be in a mixed state; see the steps above.`;
  return undo.length > 0 && allOk;
}
function toRecordStep(step) {
  return { id: step.id, kind: step.kind, description: step.description, ...step.commands?.length ? { commands: step.commands } : {}, timeoutMs: step.timeoutMs, status: "pending" };
}
function summarize(results) {
  return results.map((r) => `${r.name} ${r.ok ? "ok" : "FAILED"} (${r.status ?? "no answer"}, ${r.latencyMs} ms${r.error ? `: ${r.error}` : ""})`).join("; ");
}
function addProbeMeasurements(record, step, results, checks) {
  results.forEach((result, index) => {
    const check = checks[index];
    record.measurements.push({
      at: (/* @__PURE__ */ new Date()).toISOString(),
      step,
      name: `${result.name} status`,
      value: result.status ?? (result.error ?? "no answer"),
      threshold: `= ${check?.status ?? 200}${check?.bodyContains ? `, body contains ${JSON.stringify(check.bodyContains)}` : ""}`,
      ok: result.ok
    });
    record.measurements.push({ at: (/* @__PURE__ */ new Date()).toISOString(), step, name: `${result.name} latency ms`, value: result.latencyMs, ...check?.maxLatency ? { threshold: `<= ${check.maxLatency}` } : {}, ok: check?.maxLatency ? result.latencyMs <= check.maxLatency : true });
  });
}

// mcp-server/src/deploy/resolve-release.ts
var import_semver = __toESM(require_semver(), 1);
async function tagsAt(projectRoot, sha, tagPrefix) {
  const result = await git(projectRoot, ["tag", "--points-at", sha, "--list", `${tagPrefix}*`]);
  return result.exitCode === 0 ? result.stdout.split("\n").map((t) => t.trim()).filter((t) => import_semver.default.valid(t.slice(tagPrefix.length))) : [];
}
async function releaseForTag(projectRoot, tag, tagPrefix) {
  const result = await git(projectRoot, ["rev-list", "-n", "1", `refs/tags/${tag}`, "--"]);
  const sha = result.stdout.trim();
  if (result.exitCode !== 0 || !sha) return void 0;
  return { version: tag.slice(tagPrefix.length), tag, sha };
}
async function releaseAt(projectRoot, sha, tagPrefix) {
  const tags = (await tagsAt(projectRoot, sha, tagPrefix)).sort((a, b) => import_semver.default.rcompare(a.slice(tagPrefix.length), b.slice(tagPrefix.length)));
  const tag = tags[0];
  return tag ? { version: tag.slice(tagPrefix.length), tag, sha } : void 0;
}
async function requireReleaseAt(projectRoot, sha, tagPrefix) {
  const release = await releaseAt(projectRoot, sha, tagPrefix);
  if (release) return release;
  throw new BlockedError("The commit to deploy carries no release tag.", {
    where: `commit ${sha.slice(0, 12)}`,
    expected: `an annotated tag like ${tagPrefix}1.2.0 on this commit (shipgate deploys releases, not loose commits)`,
    hint: "Run `shipgate bump` to cut a release, then `shipgate gate` and `shipgate deploy` again."
  });
}
async function listReleases(projectRoot, tagPrefix) {
  const result = await git(projectRoot, ["for-each-ref", "--format=%(refname:short) %(*objectname) %(objectname)", `refs/tags/${tagPrefix}*`]);
  if (result.exitCode !== 0) return [];
  const releases = [];
  for (const line of result.stdout.split("\n")) {
    const [tag, peeled, object] = line.trim().split(" ");
    if (!tag) continue;
    const version = tag.slice(tagPrefix.length);
    if (!import_semver.default.valid(version)) continue;
    releases.push({ version, tag, sha: peeled || object || "" });
  }
  return releases.sort((a, b) => import_semver.default.rcompare(a.version, b.version));
}
async function tagMessage(projectRoot, tag) {
  const result = await git(projectRoot, ["tag", "-l", "--format=%(contents)", tag]);
  const text = result.stdout.trim();
  return result.exitCode === 0 && text ? text.slice(0, 4e3) : void 0;
}

// mcp-server/src/records/ship-report.ts
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
async function activeSpecFolder(projectRoot) {
  const specs = join(projectRoot, "specs");
  let names;
  try {
    names = await readdir(specs);
  } catch {
    return void 0;
  }
  let best;
  for (const name of names.filter((n) => /^\d{3}-[a-z0-9-]+$/i.test(n))) {
    const info = await stat(join(specs, name));
    if (info.isDirectory() && (!best || info.mtimeMs > best.mtime)) best = { path: join(specs, name), mtime: info.mtimeMs };
  }
  return best?.path;
}
async function writeShipReport(projectRoot, record) {
  const folder = await activeSpecFolder(projectRoot);
  if (!folder) return void 0;
  const file = join(folder, "production-ship-report.md");
  const verdict = record.status === "succeeded" ? "SHIPPED" : record.status === "rolled_back" ? "ROLLED BACK" : record.status.toUpperCase();
  const failed = record.measurements.filter((m) => !m.ok);
  const lines = [
    `# Production ship report: ${record.tag}`,
    "",
    `**Status:** ${verdict}  `,
    `**Environment:** ${record.environment}  `,
    `**Version:** ${record.version} (commit ${record.commit.slice(0, 12)})  `,
    `**Strategy:** ${record.strategy} via ${record.provider}  `,
    `**Started / finished:** ${record.startedAt} / ${record.finishedAt ?? "\u2014"}`,
    "",
    "## Gate",
    record.receipt ? record.receipt.checks.map((c) => `- ${c.status === "passed" ? "[x]" : "[ ]"} ${c.id}: ${c.status}`).join("\n") || "- (no checks listed)" : "- no receipt",
    "",
    "## Deployment steps",
    ...record.steps.map((s) => `- ${s.status === "passed" ? "[x]" : "[ ]"} ${s.description} (${s.status})`),
    "",
    "## Health and monitoring",
    `- ${record.measurements.length} measurements, ${failed.length} outside their thresholds`,
    ...failed.slice(0, 10).map((m) => `  - ${m.at} ${m.name}: ${m.value} (${m.threshold ?? "no threshold"})`),
    "",
    "## Rollback",
    record.rollback ? `- Triggered: ${record.rollback.trigger}
- Verified afterwards: ${record.rollback.verified ? "yes" : "no"}` : "- Not needed",
    "",
    `Full record: \`${relative(projectRoot, record.files.markdown)}\``,
    ""
  ];
  await writeFileAtomic(file, lines.join("\n"));
  return file;
}

// mcp-server/src/deploy/run-deploy.ts
async function loadDeployContext(projectRoot, environmentName, strategy, kubectl) {
  const loaded = await loadConfig(projectRoot);
  let environment = getEnvironment(loaded, environmentName);
  if (strategy !== void 0) {
    if (!strategyNames.includes(strategy)) {
      throw new UsageError(`Unknown strategy "${strategy}".`, { where: "--strategy", expected: strategyNames.join(", ") });
    }
    if (strategy !== environment.strategy.type) {
      environment = { ...environment, strategy: strategy === "blue-green" ? { type: "blue-green", scaleDownDelay: 3e4 } : strategy === "canary" ? { type: "canary", steps: [{ weight: 10, pause: 3e4 }, { weight: 50, pause: 3e4 }, { weight: 100, pause: 0 }] } : { type: strategy } };
    }
  }
  return {
    recordsDir: resolve2(projectRoot, loaded.config.records.dir),
    environment,
    provider: createProvider(environment.provider, { kubectl }),
    providerTimeoutMs: providerTimeoutMs(environment.provider),
    tagPrefix: loaded.config.versioning.tagPrefix
  };
}
async function currentRelease(projectRoot, environmentName, context) {
  const state = await readEnvironmentState(projectRoot, environmentName);
  if (state.live) return state.live;
  const status = await context.provider.status({ projectRoot, timeoutMs: 3e4 }).catch(() => void 0);
  if (status?.sha) return releaseAt(projectRoot, status.sha, context.tagPrefix);
  if (status?.version) return releaseForTag(projectRoot, `${context.tagPrefix}${status.version}`, context.tagPrefix);
  return void 0;
}
async function runDeploy(options) {
  const { projectRoot, environment: environmentName } = options;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const context = await loadDeployContext(projectRoot, environmentName, options.strategy, options.kubectl);
  await markAbortedRecords(context.recordsDir, now());
  const sha = await headCommit(projectRoot, options.signal);
  const next = await requireReleaseAt(projectRoot, sha, context.tagPrefix);
  const state = await readEnvironmentState(projectRoot, environmentName);
  const makePlan = async (receipt2, receiptProblem) => {
    const live = await currentRelease(projectRoot, environmentName, context);
    const previous = live && live.sha !== next.sha ? live : void 0;
    return planDeploy({ environmentName, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, next, previous, liveColor: state.liveColor, receipt: receipt2, receiptProblem });
  };
  if (options.dryRun) {
    let problem;
    try {
      await requireReceipt({ projectRoot, environment: environmentName, commit: sha, now, env: options.env });
    } catch (error) {
      if (!(error instanceof ShipgateError)) throw error;
      problem = error.message;
    }
    return { dryRun: true, plan: await makePlan(problem ? "missing" : "valid", problem) };
  }
  const receipt = await requireReceipt({ projectRoot, environment: environmentName, commit: sha, now, env: options.env });
  const release = await acquireDeployLock(projectRoot, environmentName, `deploy of ${next.tag}`, now());
  try {
    const plan = await makePlan("valid");
    const files = await allocateRecordPaths(context.recordsDir, next.tag, now());
    const record = newRecord({
      id: `${environmentName}-${next.tag}-${now().getTime()}`,
      kind: "deploy",
      environment: environmentName,
      strategy: plan.strategy,
      provider: plan.provider,
      version: next.version,
      tag: next.tag,
      commit: next.sha,
      ...plan.previous ? { previous: plan.previous } : {},
      startedAt: now().toISOString(),
      receipt: { id: receipt.id, issuedAt: receipt.issuedAt, checks: receipt.checks.map((c) => ({ id: c.id, status: c.status })) },
      changelogExcerpt: await tagMessage(projectRoot, next.tag),
      files
    });
    await writeRecord(record);
    const started = Date.now();
    const { loadRollbackProcedure } = await import("./rollback-procedure-E4JL5FL5.js");
    const rollbackProcedure = await loadRollbackProcedure(projectRoot, environmentName, options.env).catch(() => []);
    const outcome = await applyDeploy({ projectRoot, plan, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, record, signal: options.signal, onProgress: options.onProgress, rollbackProcedure });
    if (outcome.status === "succeeded") {
      const liveColor = plan.strategy === "blue-green" ? plan.liveColor === "blue" ? "green" : "blue" : state.liveColor;
      await writeEnvironmentState(projectRoot, environmentName, { live: next, liveColor, served: [...state.served, { ...next, at: now().toISOString() }].slice(-50) });
    }
    await writeShipReport(projectRoot, record).catch(() => void 0);
    await recordLearnings(projectRoot, {
      phase: "deploy",
      outcome: outcome.status,
      environment: environmentName,
      version: next.version,
      commit: next.sha,
      durationMs: Date.now() - started,
      ...outcome.trigger ? { rollbackTrigger: outcome.trigger } : {},
      rollbackReady: plan.previous !== void 0,
      monitorPlannedMs: outcome.monitorPlannedMs,
      monitorObservedMs: outcome.monitorObservedMs,
      monitorCompleted: outcome.monitorCompleted,
      healthChecksRun: outcome.healthChecksRun,
      ...context.environment.health.criticalEndpoints !== void 0 ? { criticalEndpoints: context.environment.health.criticalEndpoints } : {},
      deployedCommitTagged: true
    });
    return { dryRun: false, plan, outcome, receipt };
  } finally {
    await release();
  }
}
async function recordLearnings(projectRoot, signals) {
  try {
    const { recordRun } = await import("./record-run-ZAGK5HHH.js");
    await recordRun(projectRoot, signals, { onWarning: () => void 0 });
  } catch {
  }
}

export {
  healthChecksOf,
  releaseForTag,
  listReleases,
  loadDeployContext,
  currentRelease,
  runDeploy,
  recordLearnings
};
