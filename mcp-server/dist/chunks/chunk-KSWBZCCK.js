import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  runArgv
} from "./chunk-GHJBZYRF.js";

// mcp-server/src/deploy/providers/provider.ts
function substitutePlaceholders(argv, values) {
  return argv.map(
    (argument) => argument.replace(/\{(version|tag|sha|weight|color)\}/g, (whole, key) => {
      const value = values[key];
      return value === void 0 ? whole : String(value);
    })
  );
}
async function runSequence(argvs, context, run) {
  const runs = [];
  for (const argv of argvs) {
    const [file, ...args] = argv;
    if (!file) continue;
    const result = await run(file, args, { cwd: context.projectRoot, timeoutMs: context.timeoutMs, signal: context.signal });
    runs.push(result);
    if (result.exitCode !== 0) {
      const why = result.timedOut ? `timed out after ${context.timeoutMs} ms` : result.spawnError ?? `exit ${result.exitCode}: ${(result.stderr || result.stdout).split("\n").slice(-3).join(" ").slice(0, 300)}`;
      return { ok: false, runs, detail: `\`${result.command}\` failed: ${why}` };
    }
  }
  return { ok: true, runs, detail: runs.length ? `ran ${runs.map((r) => `\`${r.command}\``).join(", ")}` : "nothing to run" };
}

// mcp-server/src/deploy/providers/git-push.ts
function createGitPushProvider(config) {
  const ref = `refs/heads/${config.branch}`;
  async function remoteSha(context) {
    const result = await runArgv("git", ["ls-remote", config.remote, ref], { cwd: context.projectRoot, timeoutMs: context.timeoutMs, signal: context.signal });
    if (result.exitCode !== 0) return void 0;
    return result.stdout.split(/\s+/)[0] || void 0;
  }
  return {
    type: "git-push",
    supports: (action) => action === "deploy" || action === "undo",
    commands(action, release) {
      if (action.action === "deploy") return [["git", "push", config.remote, `${release.sha}:${ref}`]];
      if (action.action === "undo") return [["git", "push", `--force-with-lease=${config.branch}:<sha production has now>`, config.remote, `${release.sha}:${ref}`]];
      return [];
    },
    async run(action, release, context) {
      if (action.action === "deploy") {
        const current = await remoteSha(context);
        const args = current ? ["push", `--force-with-lease=${ref}:${current}`, config.remote, `${release.sha}:${ref}`] : ["push", config.remote, `${release.sha}:${ref}`];
        return runSequence([["git", ...args]], context, runArgv);
      }
      if (action.action === "undo") {
        const current = await remoteSha(context);
        if (current === release.sha) return { ok: true, runs: [], detail: `${config.remote}/${config.branch} already at ${release.tag}` };
        const lease = current ? `--force-with-lease=${ref}:${current}` : `--force-with-lease=${ref}`;
        return runSequence([["git", "push", lease, config.remote, `${release.sha}:${ref}`]], context, runArgv);
      }
      return { ok: true, runs: [], detail: `git-push has no ${action.action} step (nothing to do)` };
    },
    async status(context) {
      const sha = await remoteSha(context);
      return { sha, detail: sha ? `${config.remote}/${config.branch} at ${sha.slice(0, 12)}` : `${config.remote}/${config.branch} does not exist yet` };
    }
  };
}

// mcp-server/src/deploy/providers/command.ts
function createCommandProvider(config) {
  function argvFor(action, release) {
    const template = action.action === "deploy" ? config.deploy : config[action.action];
    if (!template) return void 0;
    return substitutePlaceholders(template, { version: release.version, tag: release.tag, sha: release.sha, weight: action.weight, color: action.color ?? "stable" });
  }
  return {
    type: "command",
    supports: (action) => action === "deploy" || Boolean(config[action]),
    commands(action, release) {
      const argv = argvFor(action, release);
      return argv ? [argv] : [];
    },
    async run(action, release, context) {
      const argv = argvFor(action, release);
      if (!argv) return { ok: true, runs: [], detail: `no ${action.action} command configured (nothing to do)` };
      return runSequence([argv], context, runArgv);
    },
    async status(context) {
      if (!config.status) return { detail: "no status command configured" };
      const result = await runArgv(config.status[0], config.status.slice(1), { cwd: context.projectRoot, timeoutMs: context.timeoutMs, signal: context.signal });
      const text = result.stdout.trim();
      const version = /\b(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/.exec(text)?.[1];
      return { version, detail: result.exitCode === 0 ? text.slice(0, 500) : `status command failed (exit ${result.exitCode})` };
    }
  };
}

// mcp-server/src/deploy/providers/kubernetes.ts
function createKubernetesProvider(config) {
  const kubectl = config.kubectl ?? "kubectl";
  const base = [kubectl, "--context", config.context, "--namespace", config.namespace];
  const container = config.container ?? config.deployment;
  const timeout = `--timeout=${Math.max(1, Math.round(config.rolloutTimeout / 1e3))}s`;
  const canaryName = `${config.deployment}-canary`;
  const ingress = config.ingress ?? config.deployment;
  const service = config.service ?? config.deployment;
  function image(release) {
    return substitutePlaceholders([config.image ?? `${config.deployment}:{version}`], { version: release.version, tag: release.tag, sha: release.sha })[0];
  }
  function deploymentFor(color) {
    if (color === "canary") return canaryName;
    if (color === "blue" || color === "green") return `${config.deployment}-${color}`;
    return config.deployment;
  }
  function argvs(action, release) {
    const name = deploymentFor(action.color);
    switch (action.action) {
      case "deploy": {
        const out = [];
        if (config.manifests) out.push([...base, "apply", "-f", config.manifests]);
        if (action.color === "canary" || action.color === "blue" || action.color === "green") out.push([...base, "scale", `deployment/${name}`, "--replicas=1"]);
        out.push([...base, "set", "image", `deployment/${name}`, `${container}=${image(release)}`]);
        if (action.strategy === "recreate") out.push([...base, "rollout", "restart", `deployment/${name}`]);
        out.push([...base, "rollout", "status", `deployment/${name}`, timeout]);
        return out;
      }
      case "traffic":
        if (action.color === "canary") {
          return [[...base, "annotate", "--overwrite", `ingress/${ingress}-canary`, `nginx.ingress.kubernetes.io/canary-weight=${action.weight ?? 0}`]];
        }
        return [[...base, "patch", `service/${service}`, "--type=merge", "-p", JSON.stringify({ spec: { selector: { app: config.deployment, color: (action.weight ?? 0) > 0 ? action.color : otherColor(action.color) } } })]];
      case "promote":
        if (action.color === "canary") {
          return [
            [...base, "set", "image", `deployment/${config.deployment}`, `${container}=${image(release)}`],
            [...base, "rollout", "status", `deployment/${config.deployment}`, timeout],
            [...base, "annotate", "--overwrite", `ingress/${ingress}-canary`, "nginx.ingress.kubernetes.io/canary-weight=0"],
            [...base, "scale", `deployment/${canaryName}`, "--replicas=0"]
          ];
        }
        if (action.color === "blue" || action.color === "green") return [[...base, "scale", `deployment/${config.deployment}-${otherColor(action.color)}`, "--replicas=0"]];
        return [];
      case "undo":
        if (action.color === "canary") {
          return [
            [...base, "annotate", "--overwrite", `ingress/${ingress}-canary`, "nginx.ingress.kubernetes.io/canary-weight=0"],
            [...base, "scale", `deployment/${canaryName}`, "--replicas=0"]
          ];
        }
        return [
          [...base, "rollout", "undo", `deployment/${name}`],
          [...base, "rollout", "status", `deployment/${name}`, timeout]
        ];
    }
  }
  return {
    type: "kubernetes",
    supports: () => true,
    commands: argvs,
    async run(action, release, context) {
      return runSequence(argvs(action, release), context, runArgv);
    },
    async status(context) {
      const result = await runArgv(kubectl, [...base.slice(1), "rollout", "history", `deployment/${config.deployment}`], { cwd: context.projectRoot, timeoutMs: context.timeoutMs, signal: context.signal });
      return { detail: result.exitCode === 0 ? result.stdout.slice(0, 2e3) : `kubectl rollout history failed (exit ${result.exitCode})` };
    }
  };
}
function otherColor(color) {
  return color === "green" ? "blue" : "green";
}

// mcp-server/src/deploy/providers/index.ts
function createProvider(config, options = {}) {
  switch (config.type) {
    case "git-push":
      return createGitPushProvider(config);
    case "command":
      return createCommandProvider(config);
    case "kubernetes":
      return createKubernetesProvider({ ...config, kubectl: options.kubectl });
  }
}
function providerTimeoutMs(config) {
  if (config.type === "command") return config.timeout;
  if (config.type === "kubernetes") return config.rolloutTimeout + 3e4;
  return 12e4;
}

export {
  createProvider,
  providerTimeoutMs
};
