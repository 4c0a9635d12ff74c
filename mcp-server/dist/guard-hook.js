import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import "./chunks/chunk-CMTZTRQJ.js";

// mcp-server/src/cli/guard-hook-main.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// mcp-server/src/gates/guard/split-shell.ts
var MAX_LENGTH = 2e5;
function splitShell(source, nested = [], redirects = []) {
  const text = source.length > MAX_LENGTH ? source.slice(0, MAX_LENGTH) : source;
  const commands = [];
  let words = [];
  let word = "";
  let inWord = false;
  let skipNextWord = false;
  const endWord = () => {
    if (inWord) {
      if (skipNextWord) {
        skipNextWord = false;
        redirects.push(word);
      } else words.push(word);
    }
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  const readParen = (start) => {
    let depth = 1;
    let i2 = start;
    while (i2 < text.length) {
      const c = text[i2];
      if (c === "\\") {
        i2 += 2;
        continue;
      }
      if (c === "'") {
        const j = text.indexOf("'", i2 + 1);
        i2 = j < 0 ? text.length : j + 1;
        continue;
      }
      if (c === '"') {
        i2 = skipDouble(text, i2 + 1);
        continue;
      }
      if (c === "(") depth += 1;
      if (c === ")") {
        depth -= 1;
        if (depth === 0) return i2;
      }
      i2 += 1;
    }
    return text.length;
  };
  const readBacktick = (start) => {
    let i2 = start;
    while (i2 < text.length && text[i2] !== "`") i2 += text[i2] === "\\" ? 2 : 1;
    return i2;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "\\") {
      if (next === "\n") {
        i += 2;
        continue;
      }
      if (next !== void 0) {
        word += next;
        inWord = true;
      }
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? text.length : j;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      i += 1;
      while (i < text.length && text[i] !== '"') {
        const d = text[i];
        if (d === "\\" && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) {
          if (text[i + 1] !== "\n") word += text[i + 1];
          i += 2;
          continue;
        }
        if (d === "$" && text[i + 1] === "(") {
          const end = readParen(i + 2);
          nested.push(text.slice(i + 2, end));
          word += "$(\u2026)";
          i = end + 1;
          continue;
        }
        if (d === "`") {
          const end = readBacktick(i + 1);
          nested.push(text.slice(i + 1, end));
          word += "`\u2026`";
          i = end + 1;
          continue;
        }
        word += d;
        i += 1;
      }
      i += 1;
      continue;
    }
    if ((c === "$" || c === "<" || c === ">") && next === "(") {
      const end = readParen(i + 2);
      nested.push(text.slice(i + 2, end));
      word += "$(\u2026)";
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === "`") {
      const end = readBacktick(i + 1);
      nested.push(text.slice(i + 1, end));
      word += "`\u2026`";
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === "#" && !inWord) {
      const j = text.indexOf("\n", i);
      i = j < 0 ? text.length : j;
      continue;
    }
    if (c === ";" || c === "&" || c === "|" || c === "\n" || c === "(" || c === ")") {
      if (c === "&" && (text[i - 1] === ">" || next === ">")) {
        i += next === ">" ? 2 : 1;
        if (next === ">") {
          endWord();
          skipNextWord = true;
        }
        continue;
      }
      endCommand();
      i += 1;
      continue;
    }
    if (c === ">" || c === "<") {
      if (inWord && /^\d+$/.test(word)) {
        word = "";
        inWord = false;
      } else endWord();
      i += 1;
      while (text[i] === ">" || text[i] === "<" || text[i] === "|") i += 1;
      if (text[i] === "&") {
        i += 1;
        while (/[\d-]/.test(text[i] ?? "")) i += 1;
        continue;
      }
      skipNextWord = true;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      endWord();
      i += 1;
      continue;
    }
    word += c;
    inWord = true;
    i += 1;
  }
  endCommand();
  return commands;
}
function skipDouble(text, start) {
  let i = start;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

// mcp-server/src/gates/guard/rules/guard-rule.ts
function optionValues(args, names) {
  const values = [];
  args.forEach((arg, i) => {
    for (const name of names) {
      if (arg === name && args[i + 1] !== void 0) values.push(args[i + 1]);
      else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
      else if (name.length === 2 && name.startsWith("-") && !name.startsWith("--") && arg.startsWith(name) && arg.length > 2 && !arg.startsWith("--")) values.push(arg.slice(2));
    }
  });
  return values;
}
function positionals(args, valueOptions) {
  const out = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("-")) {
      if (valueOptions.includes(arg)) i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}
var PRODUCTION_WORD = /prod/i;

// mcp-server/src/gates/guard/rules/kubectl.ts
var MUTATING = /* @__PURE__ */ new Set(["apply", "rollout", "set", "scale", "delete", "patch", "replace", "edit", "create", "autoscale", "label", "annotate", "drain", "cordon"]);
var READ_ONLY_ROLLOUT = /* @__PURE__ */ new Set(["status", "history"]);
var VALUE_OPTIONS = ["--context", "-n", "--namespace", "--kubeconfig", "--cluster", "--user", "-s", "--server", "--token", "-f", "--filename", "-l", "--selector", "-o", "--output", "-c", "--container"];
var kubectlRule = {
  id: "kubectl",
  check(command, policy) {
    if (command.program !== "kubectl" && command.program !== "oc") return null;
    const [verb, sub] = positionals(command.args, VALUE_OPTIONS);
    if (!verb || !MUTATING.has(verb)) return null;
    if (verb === "rollout" && sub && READ_ONLY_ROLLOUT.has(sub)) return null;
    const contexts = optionValues(command.args, ["--context", "--cluster"]);
    const namespaces = optionValues(command.args, ["-n", "--namespace"]);
    const files = optionValues(command.args, ["-f", "--filename"]);
    const hit = contexts.find((c) => PRODUCTION_WORD.test(c) || policy.kubeContexts.includes(c)) ?? namespaces.find((n) => PRODUCTION_WORD.test(n) || policy.kubeNamespaces.includes(n)) ?? files.find((f) => /(^|[/_.-])prod(uction)?([/_.-]|$)/i.test(f));
    return hit ? `kubectl ${verb}${verb === "set" && sub ? ` ${sub}` : ""} against production (${hit})` : null;
  }
};

// mcp-server/src/gates/guard/rules/helm.ts
var MUTATING2 = /* @__PURE__ */ new Set(["upgrade", "rollback", "install", "uninstall", "delete", "del"]);
var helmRule = {
  id: "helm",
  check(command, policy) {
    if (command.program !== "helm") return null;
    const verb = command.args.find((a) => !a.startsWith("-"));
    if (!verb || !MUTATING2.has(verb)) return null;
    const configured = [...optionValues(command.args, ["--kube-context"]).filter((c) => policy.kubeContexts.includes(c)), ...optionValues(command.args, ["-n", "--namespace"]).filter((n) => policy.kubeNamespaces.includes(n))];
    const hit = configured[0] ?? command.args.find((a) => PRODUCTION_WORD.test(a));
    return hit ? `helm ${verb} on production (${hit})` : null;
  }
};

// mcp-server/src/gates/guard/rules/git-push.ts
var GIT_VALUE_OPTIONS = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"];
var PUSH_VALUE_OPTIONS = ["--repo", "-o", "--push-option", "--receive-pack", "--exec", "--signed"];
var gitPushRule = {
  id: "git-push",
  check(command, policy) {
    if (command.program !== "git") return null;
    const words = positionals(command.args, GIT_VALUE_OPTIONS);
    if (words[0] !== "push") return null;
    const pushIndex = command.args.indexOf("push");
    const pushArgs = command.args.slice(pushIndex + 1);
    const [remote, ...refspecs] = positionals(pushArgs, PUSH_VALUE_OPTIONS);
    const deleting = pushArgs.includes("--delete") || pushArgs.includes("-d");
    for (const refspec of refspecs) {
      const spec = refspec.replace(/^\+/, "");
      const destination = (deleting || !spec.includes(":") ? spec : spec.slice(spec.indexOf(":") + 1)).replace(/^refs\/heads\//, "");
      if (policy.productionBranches.includes(destination)) return `git push to the production branch "${destination}"`;
      if (policy.gitPushTargets.some((t) => t.branch === destination && t.remote === remote)) return `git push to the configured production target ${remote}/${destination}`;
    }
    return null;
  }
};

// mcp-server/src/gates/guard/rules/hosted-platforms.ts
var hostedPlatformsRule = {
  id: "hosted-platforms",
  check(command) {
    const { program, args } = command;
    if (program === "vercel" || program === "vc") {
      if (args.includes("--prod") || args.includes("--production") || optionValues(args, ["--target"]).includes("production") || args[0] === "promote") return "vercel production deploy";
    }
    if (program === "netlify" && args.includes("deploy") && args.some((a) => a === "--prod" || a === "--prod-if-unlocked" || a === "-p")) return "netlify production deploy";
    if ((program === "fly" || program === "flyctl") && args.find((a) => !a.startsWith("-")) === "deploy") return "fly deploy";
    return null;
  }
};

// mcp-server/src/gates/guard/rules/gh-workflow.ts
var ghWorkflowRule = {
  id: "gh-workflow",
  check(command) {
    if (command.program !== "gh") return null;
    const [group, verb, name] = positionals(command.args, ["-R", "--repo", "-f", "--field", "-F", "--raw-field", "--ref"]);
    if (group !== "workflow" || verb !== "run" || !name) return null;
    return /deploy|prod|release/i.test(name) ? `gh workflow run of the deploy workflow "${name}"` : null;
  }
};

// mcp-server/src/gates/guard/rules/configured-command.ts
var normalize = (word) => word.replace(/^\.\//, "");
function sameProgram(configured, written) {
  if (configured.split("/").pop() !== written.split("/").pop()) return false;
  return !configured.includes("/") || written.endsWith(`/${configured}`) || configured.endsWith(`/${written}`);
}
var configuredCommandRule = {
  id: "configured-command",
  check(command, policy) {
    const words = [command.programWord, ...command.args].map(normalize);
    for (const argv of policy.commandArgv) {
      const cut = argv.findIndex((w) => w.includes("{"));
      const prefix = (cut < 0 ? argv : argv.slice(0, cut)).map(normalize);
      if (prefix.length === 0 || prefix.length > words.length) continue;
      const same = prefix.every((w, i) => w === words[i] || i === 0 && sameProgram(w, words[0]));
      if (same) return `the configured production deploy command \`${argv.join(" ")}\``;
    }
    return null;
  }
};

// mcp-server/src/gates/guard/rules/self-attest.ts
var selfAttestRule = {
  id: "self-attest",
  check(command) {
    let args = command.args;
    if (command.program === "node" || command.program === "nodejs") {
      const script = args.find((a) => !a.startsWith("-"));
      if (!script || !/(shipgate|mcp-server\/(dist|src)\/cli)/.test(script)) return null;
      args = args.slice(args.indexOf(script) + 1);
    } else if (command.program !== "shipgate") {
      return null;
    }
    if (args.find((a) => !a.startsWith("-")) !== "attest" || args.includes("--help") || args.includes("-h")) return null;
    return "an attestation must come from a human (their own terminal, or the gate_attest elicitation form), not from the assistant";
  }
};

// mcp-server/src/gates/guard/rules/shipgate-state.ts
var STATE_PATH = /(^|\/)\.claude\/shipgate\/(receipts(\/|$)|attestations\.jsonl)/;
var READ_ONLY = /* @__PURE__ */ new Set(["cat", "less", "more", "head", "tail", "grep", "rg", "egrep", "fgrep", "jq", "ls", "wc", "stat", "file", "diff", "git", "bat", "sha256sum", "md5sum", "shipgate", "test", "[", "echo", "printf"]);
function isShipgateStatePath(word) {
  return STATE_PATH.test(word);
}
var shipgateStateRule = {
  id: "shipgate-state",
  check(command) {
    if (READ_ONLY.has(command.program)) return null;
    const target = command.args.find(isShipgateStatePath);
    return target ? `writing shipgate's gate state (${target}) by hand` : null;
  }
};

// mcp-server/src/gates/guard/rules/index.ts
var guardRules = [kubectlRule, helmRule, gitPushRule, hostedPlatformsRule, ghWorkflowRule, configuredCommandRule, selfAttestRule, shipgateStateRule];

// mcp-server/src/gates/guard/guard-policy.ts
var DEFAULT_GUARD_POLICY = {
  productionBranches: ["production", "prod"],
  gitPushTargets: [],
  kubeContexts: [],
  kubeNamespaces: [],
  commandArgv: []
};
function policyFromConfig(data) {
  const policy = { ...DEFAULT_GUARD_POLICY, productionBranches: [...DEFAULT_GUARD_POLICY.productionBranches], gitPushTargets: [], kubeContexts: [], kubeNamespaces: [], commandArgv: [] };
  const environments = isObject(data) && isObject(data.environments) ? data.environments : {};
  for (const [name, env] of Object.entries(environments)) {
    if (!/^prod/i.test(name) || !isObject(env) || !isObject(env.provider)) continue;
    const p = env.provider;
    if (p.type === "git-push") {
      policy.gitPushTargets.push({ remote: typeof p.remote === "string" ? p.remote : "origin", branch: typeof p.branch === "string" ? p.branch : "production" });
    } else if (p.type === "kubernetes") {
      if (typeof p.context === "string") policy.kubeContexts.push(p.context);
      if (typeof p.namespace === "string") policy.kubeNamespaces.push(p.namespace);
    } else if (p.type === "command") {
      for (const key of ["deploy", "promote", "traffic", "undo"]) {
        const argv = p[key];
        if (Array.isArray(argv) && argv.length && argv.every((w) => typeof w === "string")) policy.commandArgv.push(argv);
      }
    }
  }
  return policy;
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// mcp-server/src/gates/guard/classify-command.ts
var MAX_DEPTH = 6;
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "zsh", "dash", "ksh", "ash", "fish"]);
var KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "!", "{", "}", "time", "coproc", "case", "esac", "in"]);
var WRAPPERS = {
  env: { valueOptions: ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"] },
  sudo: { valueOptions: ["-u", "--user", "-g", "--group", "-h", "--host", "-p", "--prompt", "-C", "-D", "--chdir", "-r", "-t"] },
  doas: { valueOptions: ["-u", "-C"] },
  command: { valueOptions: [] },
  builtin: { valueOptions: [] },
  exec: { valueOptions: ["-a"] },
  nohup: { valueOptions: [] },
  nice: { valueOptions: ["-n", "--adjustment"] },
  ionice: { valueOptions: ["-c", "-n", "-p"] },
  stdbuf: { valueOptions: ["-i", "-o", "-e"] },
  timeout: { valueOptions: ["-s", "--signal", "-k", "--kill-after"], positionalsToSkip: 1 },
  watch: { valueOptions: ["-n", "--interval", "-d"] },
  xargs: { valueOptions: ["-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a"] },
  npx: { valueOptions: ["-p", "--package", "-c", "--call"] },
  bunx: { valueOptions: ["-p", "--package"] },
  pnpx: { valueOptions: [] },
  time: { valueOptions: ["-f", "-o"] }
};
function classifyCommand(command, policy = DEFAULT_GUARD_POLICY) {
  return classifyText(command, policy, 0) ?? { blocked: false };
}
function classifyText(text, policy, depth) {
  if (depth > MAX_DEPTH) return null;
  const nested = [];
  const redirects = [];
  const commands = splitShell(text, nested, redirects);
  const stateTarget = redirects.find(isShipgateStatePath);
  if (stateTarget) return { blocked: true, ruleId: "shipgate-state", reason: `writing shipgate's gate state (${stateTarget}) by hand`, matched: text.length > 200 ? `${text.slice(0, 200)}\u2026` : text };
  for (const words of commands) {
    const verdict = classifyWords(words, policy, depth);
    if (verdict) return verdict;
  }
  for (const inner of nested) {
    const verdict = classifyText(inner, policy, depth + 1);
    if (verdict) return verdict;
  }
  return null;
}
function classifyWords(input, policy, depth) {
  let words = [...input];
  for (let guard = 0; guard < 20 && words.length; guard += 1) {
    const first = words[0];
    if (KEYWORDS.has(first) || /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(first)) {
      words = words.slice(1);
      continue;
    }
    const program = baseName(first);
    if (program === "eval") return classifyText(words.slice(1).join(" "), policy, depth + 1);
    if (SHELLS.has(program)) {
      const flagIndex = words.findIndex((w, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
      if (flagIndex > 0 && words[flagIndex + 1] !== void 0) return classifyText(words[flagIndex + 1], policy, depth + 1);
      const script = words.slice(1).find((w) => !w.startsWith("-"));
      if (!script) return null;
      words = words.slice(words.indexOf(script));
      continue;
    }
    if ((program === "pnpm" || program === "yarn") && words[1] === "dlx") {
      words = words.slice(2);
      continue;
    }
    if (program === "npm" && words[1] === "exec") {
      words = skipOptions(words.slice(2), ["-p", "--package", "-c", "--call"]);
      continue;
    }
    const wrapper = WRAPPERS[program];
    if (wrapper) {
      let rest = skipOptions(words.slice(1), wrapper.valueOptions);
      while (rest.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0])) rest = rest.slice(1);
      if (program === "env" || program === "time") rest = skipOptions(rest, wrapper.valueOptions);
      words = rest.slice(wrapper.positionalsToSkip ?? 0);
      continue;
    }
    const command = { program: program.toLowerCase(), programWord: first, args: words.slice(1) };
    for (const rule of guardRules) {
      const reason = rule.check(command, policy);
      if (reason) return { blocked: true, reason, ruleId: rule.id, matched: [first, ...command.args].join(" ") };
    }
    return null;
  }
  return null;
}
function skipOptions(words, valueOptions) {
  let i = 0;
  while (i < words.length && words[i].startsWith("-")) {
    if (words[i] === "--") return words.slice(i + 1);
    if (valueOptions.includes(words[i])) i += 1;
    i += 1;
  }
  return words.slice(i);
}
function baseName(word) {
  const slash = word.lastIndexOf("/");
  return slash >= 0 ? word.slice(slash + 1) : word;
}
function refusalMessage(verdict) {
  if (verdict.ruleId === "shipgate-state") {
    return [
      `shipgate guard: refused (${verdict.reason}).`,
      "  Receipts and attestations are written only by a passing gate and by a human attesting; run /deploy-production."
    ].join("\n");
  }
  if (verdict.ruleId === "self-attest") {
    return [
      `shipgate guard: refused (${verdict.reason}).`,
      "  Ask the user to run `shipgate attest <check-id> --by NAME --evidence TEXT` in their own terminal,",
      "  or call the gate_attest tool, which asks them through an elicitation form."
    ].join("\n");
  }
  return [
    `shipgate guard: refused a raw production deploy command (${verdict.reason}).`,
    `  command: ${verdict.matched && verdict.matched.length > 200 ? `${verdict.matched.slice(0, 200)}\u2026` : verdict.matched}`,
    "  Production changes go through the gated path so the checks, receipt, record and rollback apply:",
    "  use /deploy-production (gate_check, then deploy), or /rollback to undo a release."
  ].join("\n");
}

// mcp-server/src/cli/guard-hook-main.ts
var CONFIG_NAMES = ["shipgate.config.yaml", ".claude/shipgate.yaml"];
var FILE_TOOLS = /* @__PURE__ */ new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);
async function guardHook(stdinText) {
  let input;
  try {
    input = JSON.parse(stdinText);
  } catch {
    return { exitCode: 0, stderr: "" };
  }
  const filePath = input?.tool_input?.file_path ?? input?.tool_input?.notebook_path;
  if (typeof input?.tool_name === "string" && FILE_TOOLS.has(input.tool_name) && typeof filePath === "string" && isShipgateStatePath(filePath)) {
    return { exitCode: 2, stderr: `${refusalMessage({ blocked: true, ruleId: "shipgate-state", reason: `writing shipgate's gate state (${filePath}) by hand` })}
` };
  }
  if (input?.tool_name !== "Bash" || typeof input.tool_input?.command !== "string") return { exitCode: 0, stderr: "" };
  const command = input.tool_input.command;
  let verdict = classifyCommand(command);
  if (!verdict.blocked) {
    const configText = readConfigText(typeof input.cwd === "string" ? input.cwd : process.cwd());
    if (configText && mentionsAnyWord(command, configText)) verdict = classifyCommand(command, await policyFromText(configText));
  }
  return verdict.blocked ? { exitCode: 2, stderr: `${refusalMessage(verdict)}
` } : { exitCode: 0, stderr: "" };
}
function readConfigText(cwd) {
  for (let folder = cwd; ; folder = dirname(folder)) {
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      if (existsSync(path)) {
        try {
          return readFileSync(path, "utf8");
        } catch {
          return void 0;
        }
      }
    }
    if (existsSync(join(folder, ".git")) || dirname(folder) === folder) return void 0;
  }
}
function mentionsAnyWord(command, configText) {
  const nested = [];
  const words = splitShell(command, nested).flat();
  for (const inner of nested) words.push(...splitShell(inner).flat());
  return words.some((w) => w.length >= 2 && configText.includes(w.replace(/^\.\//, "").split("/").pop()));
}
async function policyFromText(text) {
  try {
    const yaml = await import("./chunks/dist-2ZGAMNLZ.js");
    const parse = typeof yaml.parse === "function" ? yaml.parse : yaml.default.parse;
    return policyFromConfig(parse(text));
  } catch {
    return DEFAULT_GUARD_POLICY;
  }
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
if (process.argv[1] && /guard-hook(-main)?\.(c?js|ts)$/.test(process.argv[1])) {
  const result = await guardHook(await readStdin());
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
export {
  guardHook
};
