import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  formatDuration
} from "./chunk-3SNQWMNX.js";

// mcp-server/src/deploy/strategies/strategy.ts
function providerStep(context, id, kind, action, description, release = "next", undo) {
  const ref = release === "next" ? context.input.next : context.input.previous;
  return {
    id,
    kind,
    description,
    action,
    release,
    commands: ref ? context.provider.commands(action, ref) : [],
    timeoutMs: context.providerTimeoutMs,
    ...undo ? { undo } : {}
  };
}
function undoToPrevious(context, color) {
  if (!context.input.previous) return [];
  return [providerStep(context, `undo-${color ?? "stable"}`, "provider", { action: context.provider.supports("undo") ? "undo" : "deploy", color }, `put ${context.input.previous.tag} back`, "previous")];
}
function healthStep(context, id, target) {
  const health = context.environment.health;
  const perCheck = health.checks.reduce((sum, check) => sum + check.timeout * (check.retries + 1), 0);
  return { id, kind: "health", target, description: `health checks (${health.checks.length}) on ${target}`, timeoutMs: perCheck || 1e3 };
}
function smokeStep(context, id) {
  const file = context.environment.health.smokeTests;
  if (!file) return [];
  return [{ id, kind: "smoke", target: "production", description: `smoke tests from ${file}`, timeoutMs: 6e4 }];
}
function monitorStep(context, id, durationMs, description, target = "production") {
  const monitor = context.environment.monitor;
  return {
    id,
    kind: "monitor",
    target,
    durationMs,
    description: description ?? `watch production for ${Math.round(durationMs / 1e3)}s every ${Math.round(monitor.interval / 1e3)}s (failure limit ${monitor.failureLimit})`,
    timeoutMs: durationMs + monitor.interval + 3e4
  };
}

// mcp-server/src/deploy/strategies/rolling.ts
var rolling = {
  type: "rolling",
  plan(context) {
    const { next } = context.input;
    return [
      providerStep(context, "deploy", "provider", { action: "deploy", color: "stable", strategy: "rolling" }, `deploy ${next.tag} (${next.sha.slice(0, 12)})`, "next", undoToPrevious(context, "stable")),
      healthStep(context, "health", "production"),
      ...smokeStep(context, "smoke"),
      monitorStep(context, "monitor", context.environment.monitor.duration)
    ];
  }
};

// mcp-server/src/deploy/strategies/recreate.ts
var recreate = {
  type: "recreate",
  plan(context) {
    const { next } = context.input;
    return [
      providerStep(context, "deploy", "provider", { action: "deploy", color: "stable", strategy: "recreate" }, `recreate with ${next.tag} (${next.sha.slice(0, 12)})`, "next", undoToPrevious(context, "stable")),
      healthStep(context, "health", "production"),
      ...smokeStep(context, "smoke"),
      monitorStep(context, "monitor", context.environment.monitor.duration)
    ];
  }
};

// mcp-server/src/deploy/strategies/blue-green.ts
var blueGreen = {
  type: "blue-green",
  plan(context) {
    const { next, liveColor } = context.input;
    const idle = liveColor === "blue" ? "green" : "blue";
    const delay = context.environment.strategy.type === "blue-green" ? context.environment.strategy.scaleDownDelay : 3e4;
    const switchBack = providerStep(context, `switch-back-${liveColor}`, "traffic", { action: "traffic", weight: 0, color: idle }, `switch traffic back to ${liveColor}`);
    return [
      providerStep(context, "deploy-idle", "provider", { action: "deploy", color: idle, strategy: "blue-green" }, `deploy ${next.tag} to ${idle} (idle)`),
      healthStep(context, `health-${idle}`, "candidate"),
      providerStep(context, "switch", "traffic", { action: "traffic", weight: 100, color: idle }, `switch all traffic from ${liveColor} to ${idle}`, "next", [switchBack]),
      healthStep(context, "health", "production"),
      ...smokeStep(context, "smoke"),
      monitorStep(context, "monitor", context.environment.monitor.duration),
      { id: "scale-down-delay", kind: "pause", description: `keep ${liveColor} for instant undo for ${Math.round(delay / 1e3)}s`, durationMs: delay, timeoutMs: delay + 1e3 },
      providerStep(context, "retire", "cleanup", { action: "promote", color: idle }, `promote ${idle}, retire ${liveColor}`)
    ];
  }
};

// mcp-server/src/deploy/strategies/canary.ts
var canary = {
  type: "canary",
  plan(context) {
    const { next } = context.input;
    const steps = context.environment.strategy.type === "canary" ? context.environment.strategy.steps : [{ weight: 100, pause: 0 }];
    const weightZero = providerStep(context, "canary-weight-0", "traffic", { action: "traffic", weight: 0, color: "canary" }, "send all traffic back to stable");
    const removeCanary = providerStep(context, "canary-undo", "provider", { action: "undo", color: "canary" }, "remove the canary");
    const plan = [
      providerStep(context, "deploy-canary", "provider", { action: "deploy", color: "canary", strategy: "canary" }, `deploy ${next.tag} as canary (no traffic yet)`, "next", [removeCanary]),
      healthStep(context, "health-canary", "candidate")
    ];
    steps.forEach((step, index) => {
      plan.push(providerStep(context, `weight-${step.weight}`, "traffic", { action: "traffic", weight: step.weight, color: "canary" }, `canary weight ${step.weight}%`, "next", [weightZero]));
      if (step.pause > 0) plan.push(monitorStep(context, `analysis-${index + 1}`, step.pause, `analysis of the canary at ${step.weight}% for ${Math.round(step.pause / 1e3)}s`, "candidate"));
    });
    plan.push(
      providerStep(context, "promote", "promote", { action: "promote", color: "canary" }, `promote ${next.tag} to stable`, "next", undoToPrevious(context, "stable")),
      healthStep(context, "health", "production"),
      ...smokeStep(context, "smoke"),
      monitorStep(context, "monitor", context.environment.monitor.duration)
    );
    return plan;
  }
};

// mcp-server/src/deploy/strategies/index.ts
var strategies = {
  rolling,
  recreate,
  "blue-green": blueGreen,
  canary
};
var strategyNames = Object.keys(strategies);

// mcp-server/src/deploy/plan-deploy.ts
function planDeploy(input) {
  const strategy = strategies[input.environment.strategy.type];
  const steps = strategy.plan({
    environment: input.environment,
    provider: input.provider,
    providerTimeoutMs: input.providerTimeoutMs,
    input: { next: input.next, previous: input.previous, liveColor: input.liveColor }
  });
  return {
    environment: input.environmentName,
    strategy: strategy.type,
    provider: input.provider.type,
    next: input.next,
    ...input.previous ? { previous: input.previous } : {},
    liveColor: input.liveColor,
    steps,
    receipt: input.receipt,
    ...input.receiptProblem ? { receiptProblem: input.receiptProblem } : {}
  };
}
function formatPlan(plan) {
  const lines = [
    `Deploy plan: ${plan.next.tag} (${plan.next.sha.slice(0, 12)}) to ${plan.environment}, ${plan.strategy} via ${plan.provider}`,
    `  previous release: ${plan.previous ? `${plan.previous.tag} (${plan.previous.sha.slice(0, 12)})` : "none (first deploy: nothing to roll back to)"}`,
    `  gate receipt: ${plan.receipt === "valid" ? "valid" : `MISSING${plan.receiptProblem ? `: ${plan.receiptProblem}` : ""} (a real deploy would be refused)`}`,
    ""
  ];
  plan.steps.forEach((step, index) => {
    lines.push(`  ${String(index + 1).padStart(2)}. [${step.kind}] ${step.description}  (timeout ${formatDuration(step.timeoutMs)})`);
    for (const argv of step.commands ?? []) lines.push(`        $ ${argv.map(showArg).join(" ")}`);
    for (const undo of step.undo ?? []) {
      lines.push(`        on failure: ${undo.description}`);
      for (const argv of undo.commands ?? []) lines.push(`          $ ${argv.map(showArg).join(" ")}`);
    }
  });
  return `${lines.join("\n")}
`;
}
function showArg(argument) {
  return /^[\w@%+=:,./<>{}-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

export {
  strategyNames,
  planDeploy,
  formatPlan
};
