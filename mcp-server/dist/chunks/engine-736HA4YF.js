import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import {
  MAX_SKILL_BYTES,
  detectKind,
  emptyMarkdown,
  emptyModel,
  isBinary,
  parseSkill
} from "./chunk-JQ7UXUYC.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import {
  RULES,
  RULE_SET_ID,
  docsUrlFor,
  manifestKind
} from "./chunk-LADSB7H5.js";
import "./chunk-4LOJUVA5.js";
import {
  SHIPGATE_VERSION
} from "./chunk-VB2BSGY6.js";
import {
  LineIndex
} from "./chunk-B7G755XZ.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/validate/engine.ts
import { existsSync as existsSync3, readFileSync as readFileSync2 } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";

// mcp-server/src/validate/collect-files.ts
import { readdirSync, statSync, existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
var SKIP = /* @__PURE__ */ new Set(["node_modules", ".git", "dist", ".cache"]);
function collectFiles(paths, cwd) {
  const files = /* @__PURE__ */ new Map();
  const roots = [];
  const add = (path, kind) => {
    if (files.has(path)) return;
    if (path.endsWith(".json")) {
      if (manifestKind(path)) files.set(path, { path, type: "json", kind: "other" });
      return;
    }
    if (path.endsWith(".md")) files.set(path, { path, type: "markdown", kind: kind ?? detectKind(path) });
  };
  for (const given of paths.length ? paths : ["."]) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = statSync(path);
    } catch {
      throw new UsageError(`No such file or folder: ${given}`, { where: given, expected: "a plugin root, a skills folder, or a Markdown/JSON file", hint: "Check the path, or run `shipgate validate` in the plugin root." });
    }
    if (info.isFile()) {
      if (path.endsWith(".json") && !manifestKind(path)) files.set(path, { path, type: "json", kind: "other" });
      else if (!path.endsWith(".json")) files.set(path, { path, type: "markdown", kind: detectKind(path) });
      else add(path);
    } else if (isPluginRoot(path)) {
      roots.push(path);
      collectPlugin(path, add);
    } else if (list(path).some((name) => existsSync(join(path, name, "SKILL.md")))) {
      for (const name of list(path)) if (existsSync(join(path, name, "SKILL.md"))) collectSkill(join(path, name), add);
    } else if (existsSync(join(path, "SKILL.md"))) {
      collectSkill(path, add);
    } else {
      walk(path, (file) => add(file));
    }
  }
  return { root: roots.length === 1 ? roots[0] : null, files: [...files.values()] };
}
function isPluginRoot(path) {
  return [".claude-plugin", "skills", "commands", "agents"].some((name) => isDirectory(join(path, name)));
}
function collectPlugin(root, add) {
  const skills = join(root, "skills");
  for (const name of list(skills)) if (existsSync(join(skills, name, "SKILL.md"))) collectSkill(join(skills, name), add);
  walk(join(root, "commands"), (file) => add(file, "command"));
  walk(join(root, "agents"), (file) => add(file, "agent"));
  for (const manifest of [".claude-plugin/plugin.json", ".claude-plugin/marketplace.json", "marketplace.json", "hooks/hooks.json", ".mcp.json"]) {
    const file = join(root, manifest);
    if (existsSync(file)) add(file);
  }
}
function collectSkill(folder, add) {
  add(join(folder, "SKILL.md"), "skill");
  for (const sub of ["references", "reference"]) walk(join(folder, sub), (file) => {
    if (file.endsWith(".md")) add(file, "reference");
  });
}
function walk(folder, visit) {
  for (const name of list(folder).sort()) {
    if (SKIP.has(name)) continue;
    const path = join(folder, name);
    if (isDirectory(path)) walk(path, visit);
    else if (name.endsWith(".md") || basename(path).endsWith(".json")) visit(path);
  }
}
function list(folder) {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// mcp-server/src/validate/facts.ts
var TOOL_REFERENCE = /mcp__plugin_shipgate_shipgate__([A-Za-z0-9_-]+)/g;
var SKILL_CALL = /\bSkill\(\s*["'`]?([A-Za-z0-9:_-]+)["'`]?\s*\)/g;
var SKILL_TOOL_MENTION = /\bSkill tool\b[^\n`"]{0,40}[`"]([A-Za-z0-9:_-]+)[`"]/g;
var REFERENCES_MENTION = /(?<![\w/.-])references\/[A-Za-z0-9_./-]*[A-Za-z0-9_-]/g;
function extractFacts(document) {
  const index = new LineIndex(document.text);
  const name = typeof document.frontmatter?.data.name === "string" ? document.frontmatter.data.name : void 0;
  const references = [];
  for (const [pattern, kind] of [[TOOL_REFERENCE, "tool"], [SKILL_CALL, "skill"], [SKILL_TOOL_MENTION, "skill"]]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(document.text); m; m = pattern.exec(document.text)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      references.push({ kind, name: m[1], position: index.position(start, start + m[1].length) });
    }
  }
  const links = [];
  const seen = /* @__PURE__ */ new Set();
  scanLinks(document.text, index, (url, position) => {
    const target = relativeTarget(url);
    if (target === void 0) return;
    seen.add(`${position.line}:${target}`);
    links.push({ target, position });
  });
  if (document.kind === "skill" || document.kind === "reference") {
    REFERENCES_MENTION.lastIndex = 0;
    for (let m = REFERENCES_MENTION.exec(document.text); m; m = REFERENCES_MENTION.exec(document.text)) {
      const position = index.position(m.index, m.index + m[0].length);
      const target = m[0].replace(/[.]+$/, "");
      if (seen.has(`${position.line}:${target}`) || seen.has(`${position.line}:./${target}`)) continue;
      if (!/\.[A-Za-z0-9]+$/.test(target) && !target.endsWith("/")) continue;
      links.push({ target, position });
    }
  }
  return {
    path: document.path,
    kind: document.kind,
    ...name !== void 0 ? { name } : {},
    pitfalls: document.model.pitfalls.map((p) => ({ id: p.id, position: p.position })),
    links,
    references
  };
}
var FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
var INLINE_LINK = /!?\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g;
var DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?/;
function scanLinks(text, index, visit) {
  if (!text.includes("](") && !text.includes("]:")) return;
  let offset = 0;
  let fence = null;
  for (const line of text.split("\n")) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else if (line.includes("](") || line.includes("]:")) {
      const code = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
      INLINE_LINK.lastIndex = 0;
      for (let m = INLINE_LINK.exec(code); m; m = INLINE_LINK.exec(code)) {
        visit(m[1], index.position(offset + m.index, offset + m.index + m[0].length));
      }
      const definition = DEFINITION.exec(code);
      if (definition) visit(definition[1], index.position(offset, offset + line.length));
    }
    offset += line.length + 1;
  }
}
function relativeTarget(url) {
  if (url === "" || url.startsWith("#") || url.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return void 0;
  const path = url.split("#")[0].split("?")[0];
  if (path === "") return void 0;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// mcp-server/src/validate/make-diagnostic.ts
function makeDiagnostic(text, file, rule, report) {
  const lines = text === void 0 ? void 0 : lineLengths(text);
  const maxLine = lines ? lines.length : Number.MAX_SAFE_INTEGER;
  const clampLine = (n, fallback) => Math.min(Math.max(1, Number.isFinite(n) ? Math.floor(n) : fallback), maxLine);
  const line = clampLine(report.position?.line, 1);
  const maxColumn = (l) => lines ? (lines[l - 1] ?? 0) + 1 : Number.MAX_SAFE_INTEGER;
  const clampColumn = (n, l, fallback) => Math.min(Math.max(1, Number.isFinite(n) ? Math.floor(n) : fallback), Math.max(1, maxColumn(l)));
  const column = clampColumn(report.position?.column, line, 1);
  let endLine = clampLine(report.position?.endLine, line);
  if (endLine < line) endLine = line;
  let endColumn = clampColumn(report.position?.endColumn, endLine, endLine === line ? column + 1 : 1);
  if (endLine === line && endColumn < column) endColumn = column;
  const severity = report.severity ?? rule.severity;
  const message = typeof report.message === "string" && report.message.trim() !== "" ? report.message : `Rule ${rule.id} reported a problem without a message.`;
  return {
    file,
    ruleId: rule.id,
    severity,
    message,
    line,
    column,
    endLine,
    endColumn,
    ...report.fix && typeof report.fix.description === "string" ? { fix: report.fix } : {},
    docsUrl: docsUrlFor(rule.id)
  };
}
function internalRuleError(file, ruleId, error) {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    ruleId: "internal-rule-error",
    severity: "error",
    message: `Rule ${ruleId} crashed on this file (${detail}). This is a bug in shipgate; please report it with the file.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    docsUrl: docsUrlFor("internal-rule-error")
  };
}
var memoText;
var memoLengths = [];
function lineLengths(text) {
  if (text === memoText) return memoLengths;
  const lengths = [];
  let start = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", start)) {
    lengths.push(at - start);
    start = at + 1;
  }
  lengths.push(text.length - start);
  memoText = text;
  memoLengths = lengths;
  return lengths;
}

// mcp-server/src/validate/process-file.ts
function documentFromBytes(path, kind, bytes) {
  const problem = (ruleId, message) => ({
    path,
    kind,
    text: "",
    frontmatter: null,
    markdown: emptyMarkdown(),
    elements: [],
    model: emptyModel(),
    problems: [{ ruleId, severity: "error", message, position: { line: 1, column: 1, endLine: 1, endColumn: 2 } }]
  });
  if (bytes.length > MAX_SKILL_BYTES) return problem("file-too-large", `Unexpected file of ${(bytes.length / 1024 / 1024).toFixed(1)} MB, expected at most 5 MB; move detail into references/ files.`);
  if (isBinary(bytes)) return problem("file-binary", "Unexpected binary content (NUL bytes), expected UTF-8 Markdown text.");
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  return parseSkill(path, text, kind);
}
function processFile(path, kind, bytes, rules, severityOf) {
  const document = documentFromBytes(path, kind, bytes);
  const diagnostics = [];
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const text = document.text;
  for (const problem of document.problems) {
    if (ruleIds.has(problem.ruleId)) continue;
    diagnostics.push(makeDiagnostic(text, path, { id: problem.ruleId, severity: problem.severity }, { message: problem.message, position: problem.position }));
  }
  for (const rule of rules) {
    const severity = severityOf(rule.meta);
    try {
      rule.check({ document, report: (report) => diagnostics.push(makeDiagnostic(text, path, { id: rule.meta.id, severity }, report)) });
    } catch (error) {
      diagnostics.push(internalRuleError(path, rule.meta.id, error));
    }
  }
  let facts;
  try {
    facts = extractFacts(document);
  } catch (error) {
    diagnostics.push(internalRuleError(path, "facts", error));
    facts = { path, kind, pitfalls: [], links: [], references: [] };
  }
  return { diagnostics, facts };
}

// mcp-server/src/validate/cache.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var FORMAT = 1;
var MAX_ENTRIES = 5e4;
var ResultCache = class _ResultCache {
  constructor(file, entries, salt) {
    this.file = file;
    this.salt = salt;
    this.entries = entries;
  }
  file;
  salt;
  entries;
  used = /* @__PURE__ */ new Map();
  dirty = false;
  static open(cwd, salt) {
    const file = cacheFile(cwd);
    let entries = /* @__PURE__ */ new Map();
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8"));
      if (parsed.format === FORMAT && parsed.entries && typeof parsed.entries === "object") entries = new Map(Object.entries(parsed.entries));
    } catch {
    }
    return new _ResultCache(file, entries, salt);
  }
  key(path, kind, bytes) {
    return createHash("sha1").update(this.salt).update("\0").update(path).update("\0").update(kind).update("\0").update(bytes).digest("hex");
  }
  get(key) {
    const hit = this.entries.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }
  set(key, result) {
    this.entries.set(key, result);
    this.used.set(key, result);
    this.dirty = true;
  }
  async save() {
    if (!this.dirty) return;
    const kept = new Map(this.used);
    for (const [key, value] of this.entries) {
      if (kept.size >= MAX_ENTRIES) break;
      kept.set(key, value);
    }
    try {
      mkdirSync(join2(this.file, ".."), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(kept) }));
    } catch {
    }
  }
};
function cacheFile(cwd) {
  if (existsSync2(join2(cwd, "node_modules"))) return join2(cwd, "node_modules", ".cache", "shipgate", "validate-cache.json");
  const id = createHash("sha1").update(cwd).digest("hex").slice(0, 12);
  return join2(tmpdir(), "shipgate-cache", `validate-${id}.json`);
}

// mcp-server/src/validate/worker-pool.ts
import { availableParallelism, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
var ROLE = "shipgate-validate-worker";
var BATCH = 40;
function documentRules(overrides) {
  return RULES.filter((r) => r.meta.scope === "document" && overrides[r.meta.id] !== "off");
}
function severityFrom(overrides) {
  return (meta) => {
    const chosen = overrides[meta.id];
    return chosen === "error" || chosen === "warning" ? chosen : meta.severity;
  };
}
function canUseWorkers() {
  const setting = process.env.SHIPGATE_WORKERS ?? (process.env.SHIPGATE_NO_WORKERS === "1" ? "never" : "auto");
  if (setting === "never" || !import.meta.url.endsWith(".js")) return false;
  if (setting === "always") return true;
  return availableParallelism() > 1 && loadavg()[0] < availableParallelism();
}
async function processInWorkers(jobs, overrides) {
  const size = Math.max(1, Math.min(3, availableParallelism() - 1, Math.ceil(jobs.length / BATCH) - 1));
  const results = new Array(jobs.length);
  let next = 0;
  const workers = [];
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  const local = async () => {
    while (next < jobs.length) {
      const start = next;
      const batch = jobs.slice(start, start + BATCH);
      next += batch.length;
      batch.forEach((job, i) => {
        results[start + i] = processFile(job.path, job.kind, job.bytes, rules, severity);
      });
      await new Promise((resolveTick) => setImmediate(resolveTick));
    }
  };
  try {
    await Promise.all([
      local(),
      ...Array.from(
        { length: size },
        () => new Promise((resolvePromise, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, overrides } });
          workers.push(worker);
          let batchStart = 0;
          let done = false;
          const send = () => {
            if (next >= jobs.length) {
              done = true;
              void worker.terminate();
              resolvePromise();
              return;
            }
            batchStart = next;
            const batch = jobs.slice(next, next + BATCH);
            next += batch.length;
            worker.postMessage(batch);
          };
          worker.on("message", (batchResults) => {
            batchResults.forEach((r, i) => {
              results[batchStart + i] = r;
            });
            send();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (!done) reject(new Error(`validator worker exited early with code ${code}`));
          });
          send();
        })
      )
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
function serve() {
  const overrides = workerData.overrides ?? {};
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  parentPort.on("message", (batch) => {
    parentPort.postMessage(batch.map((job) => processFile(job.path, job.kind, job.bytes, rules, severity)));
  });
}
if (!isMainThread && workerData?.role === ROLE) serve();

// mcp-server/src/validate/engine.ts
async function validatePaths(paths, options) {
  const overrides = options.rules ?? {};
  const collection = collectFiles(paths, options.cwd);
  const markdown = collection.files.filter((f) => f.type === "markdown");
  const useCache = options.cache !== false && process.env.SHIPGATE_NO_CACHE !== "1";
  const cache = useCache ? ResultCache.open(options.cwd, `${SHIPGATE_VERSION}|${RULE_SET_ID}|${JSON.stringify(overrides)}`) : void 0;
  const results = new Array(markdown.length);
  const misses = [];
  const bytesList = await Promise.all(markdown.map((f) => readFile(f.path).catch(() => void 0)));
  markdown.forEach((file, index) => {
    const bytes = bytesList[index];
    if (bytes === void 0) {
      results[index] = { diagnostics: [makeDiagnostic(void 0, file.path, { id: "file-unreadable", severity: "error" }, { message: "Unexpected unreadable file, expected a readable Markdown file (check its permissions)." })], facts: { path: file.path, kind: file.kind, pitfalls: [], links: [], references: [] } };
      return;
    }
    const key = cache?.key(file.path, file.kind, bytes);
    const hit = key ? cache.get(key) : void 0;
    if (hit) results[index] = hit;
    else misses.push({ index, ...key ? { key } : {}, job: { path: file.path, kind: file.kind, bytes } });
  });
  const useWorkers = misses.length >= (options.workerThreshold ?? 200) && canUseWorkers();
  let computed;
  const inProcess = () => {
    const rules = documentRules(overrides);
    const severity = severityFrom(overrides);
    return misses.map((m) => processFile(m.job.path, m.job.kind, m.job.bytes, rules, severity));
  };
  if (useWorkers) {
    computed = await processInWorkers(misses.map((m) => m.job), overrides).catch(inProcess);
  } else {
    computed = inProcess();
  }
  misses.forEach((miss, i) => {
    results[miss.index] = computed[i];
    if (miss.key) cache.set(miss.key, computed[i]);
  });
  const diagnostics = [];
  const facts = [];
  for (const result of results) {
    if (!result) continue;
    diagnostics.push(...result.diagnostics);
    facts.push(result.facts);
  }
  diagnostics.push(...runProjectRules(collection.root, collection.files, facts, overrides));
  await cache?.save();
  for (const d of diagnostics) d.file = displayPath(options.cwd, d.file);
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const errorCount = diagnostics.filter((d) => d.severity === "error").length;
  const warningCount = diagnostics.filter((d) => d.severity === "warning").length;
  return {
    diagnostics,
    filesChecked: collection.files.length,
    errorCount,
    warningCount,
    failed: errorCount > 0 || options.strict === true && warningCount > 0,
    stats: { cacheHits: markdown.length - misses.length, workers: useWorkers }
  };
}
function displayPath(cwd, file) {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : file;
}
function runProjectRules(root, files, facts, overrides) {
  const diagnostics = [];
  const severity = severityFrom(overrides);
  const texts = /* @__PURE__ */ new Map();
  const readText = (path) => {
    if (!texts.has(path)) {
      try {
        texts.set(path, readFileSync2(path, "utf8"));
      } catch {
        texts.set(path, void 0);
      }
    }
    return texts.get(path);
  };
  const existsMemo = /* @__PURE__ */ new Map();
  const exists = (path) => {
    let known = existsMemo.get(path);
    if (known === void 0) existsMemo.set(path, known = existsSync3(path));
    return known;
  };
  for (const rule of RULES) {
    if (rule.meta.scope !== "project" || overrides[rule.meta.id] === "off") continue;
    const projectRule = rule;
    const ruleSeverity = severity(projectRule.meta);
    try {
      projectRule.check({
        root,
        files,
        facts,
        exists,
        readText,
        report: (file, report) => diagnostics.push(makeDiagnostic(readText(file), file, { id: projectRule.meta.id, severity: ruleSeverity }, report))
      });
    } catch (error) {
      diagnostics.push(internalRuleError(root ?? files[0]?.path ?? ".", projectRule.meta.id, error));
    }
  }
  return diagnostics;
}
export {
  validatePaths
};
