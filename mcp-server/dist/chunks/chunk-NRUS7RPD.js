import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-JR3ARTYZ.js";
import {
  ConfigError,
  quote
} from "./chunk-Z6DQB4O2.js";
import {
  require_dist
} from "./chunk-5OIYAMLV.js";
import {
  parseDuration
} from "./chunk-3SNQWMNX.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/config/load-config.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";

// mcp-server/src/config/versioning-schema.ts
var versionFileSchema = external_exports.union([
  external_exports.object({ path: external_exports.string().min(1), key: external_exports.string().min(1).describe("JSON key path, dot-separated, e.g. expo.version") }).strict(),
  external_exports.object({ path: external_exports.string().min(1), pattern: external_exports.string().min(1).describe("regex with one capture group holding the version") }).strict()
]);
var versioningSchema = external_exports.object({
  tagPrefix: external_exports.string().default("v"),
  changelog: external_exports.string().default("CHANGELOG.md"),
  conventionalCommits: external_exports.boolean().default(true),
  /** What a breaking change bumps while the version is below 1.0.0. */
  breakingBelowOne: external_exports.enum(["major", "minor"]).default("minor"),
  files: external_exports.array(versionFileSchema).default([]),
  /** The branch releases are cut from (default: the current branch). */
  branch: external_exports.string().optional(),
  remote: external_exports.string().default("origin")
}).strict();

// mcp-server/src/config/duration-schema.ts
var durationSchema = external_exports.union([external_exports.string(), external_exports.number().nonnegative()]).transform((value, ctx) => {
  const ms = typeof value === "number" ? Math.round(value * 1e3) : parseDuration(value);
  if (ms === void 0) {
    ctx.addIssue({ code: external_exports.ZodIssueCode.custom, message: `expected a duration like "30s", "5m" or "24h", found ${JSON.stringify(value)}` });
    return external_exports.NEVER;
  }
  return ms;
});

// mcp-server/src/config/window-schema.ts
var day = external_exports.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
var clock = external_exports.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time like "13:00"');
var windowSchema = external_exports.object({
  timezone: external_exports.string().default("UTC").refine((zone) => isTimeZone(zone), { message: 'expected an IANA time zone like "Europe/Berlin" or "UTC"' }),
  deny: external_exports.array(external_exports.object({ days: external_exports.array(day).min(1), from: clock.default("00:00"), to: clock.default("23:59"), reason: external_exports.string().optional() }).strict()).default([{ days: ["fri"], from: "12:00", to: "23:59", reason: "never deploy Friday afternoon" }]),
  holidays: external_exports.array(external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like "2026-12-25"')).default([]),
  /** Also deny the day before each holiday. */
  denyBeforeHolidays: external_exports.boolean().default(true)
}).strict();
function isTimeZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// mcp-server/src/config/environment-schema.ts
var argv = external_exports.array(external_exports.string()).min(1).describe("argument vector; placeholders {version} {tag} {sha} {weight} {color}");
var providerSchema = external_exports.discriminatedUnion("type", [
  external_exports.object({ type: external_exports.literal("git-push"), remote: external_exports.string().default("origin"), branch: external_exports.string().default("production") }).strict(),
  external_exports.object({
    type: external_exports.literal("command"),
    deploy: argv,
    traffic: argv.optional(),
    promote: argv.optional(),
    undo: argv.optional(),
    status: argv.optional(),
    timeout: durationSchema.default("10m")
  }).strict(),
  external_exports.object({
    type: external_exports.literal("kubernetes"),
    context: external_exports.string().min(1),
    namespace: external_exports.string().min(1),
    deployment: external_exports.string().min(1),
    container: external_exports.string().optional(),
    image: external_exports.string().optional().describe("image with {version} placeholder, e.g. registry/app:{version}"),
    manifests: external_exports.string().optional(),
    service: external_exports.string().optional(),
    ingress: external_exports.string().optional(),
    rolloutTimeout: durationSchema.default("5m")
  }).strict()
]);
var strategySchema = external_exports.discriminatedUnion("type", [
  external_exports.object({ type: external_exports.literal("rolling") }).strict(),
  external_exports.object({ type: external_exports.literal("recreate") }).strict(),
  external_exports.object({ type: external_exports.literal("blue-green"), scaleDownDelay: durationSchema.default("30s") }).strict(),
  external_exports.object({
    type: external_exports.literal("canary"),
    steps: external_exports.array(external_exports.object({ weight: external_exports.number().int().min(0).max(100), pause: durationSchema.default("30s") }).strict()).min(1).default([{ weight: 10, pause: "30s" }, { weight: 50, pause: "30s" }, { weight: 100, pause: 0 }])
  }).strict()
]);
var healthCheckSchema = external_exports.object({
  name: external_exports.string().optional(),
  path: external_exports.string().min(1),
  status: external_exports.number().int().default(200),
  bodyContains: external_exports.string().optional(),
  maxLatency: durationSchema.optional(),
  timeout: durationSchema.default("5s"),
  retries: external_exports.number().int().min(0).default(2),
  critical: external_exports.boolean().default(true)
}).strict();
var prometheusQuerySchema = external_exports.object({
  name: external_exports.string().min(1),
  query: external_exports.string().min(1),
  above: external_exports.number().optional(),
  below: external_exports.number().optional(),
  for: durationSchema.default(0)
}).strict();
var monitorSchema = external_exports.object({
  duration: durationSchema.default("30m"),
  interval: durationSchema.default("10s"),
  failureLimit: external_exports.number().int().min(1).default(3),
  /** Roll back when the error rate is above this fraction for `errorRateFor` (seed 001: 5% for 2 minutes). */
  maxErrorRate: external_exports.number().min(0).max(1).default(0.05),
  errorRateFor: durationSchema.default("2m"),
  /** Roll back when health keeps failing this long (seed 001: 5 minutes). */
  healthFailingFor: durationSchema.default("5m"),
  /** Against the pre-deploy baseline (seed 003: error rate up < 1%, latency up < 10%). */
  maxErrorRateIncrease: external_exports.number().min(0).default(0.01),
  maxLatencyIncrease: external_exports.number().min(0).default(0.1),
  prometheus: external_exports.object({ url: external_exports.string().url(), queries: external_exports.array(prometheusQuerySchema).default([]) }).strict().optional()
}).strict();
var environmentSchema = external_exports.object({
  /** Gate skills (paths relative to the project, or names of shipgate's bundled skills). */
  gates: external_exports.array(external_exports.string().min(1)).default([]),
  url: external_exports.string().url().optional(),
  /** Where the new release answers before it takes traffic (blue-green idle color, canary); `{color}` is replaced. */
  previewUrl: external_exports.string().min(1).optional(),
  branch: external_exports.string().optional(),
  provider: providerSchema,
  strategy: strategySchema.default({ type: "rolling" }),
  health: external_exports.object({
    checks: external_exports.array(healthCheckSchema).default([]),
    smokeTests: external_exports.string().optional().describe("path to seed 002's smoke-tests.json"),
    criticalEndpoints: external_exports.number().int().min(0).optional()
  }).strict().default({}),
  monitor: monitorSchema.default({}),
  rollback: external_exports.object({ automatic: external_exports.boolean().default(true), timeout: durationSchema.default("5m") }).strict().default({}),
  window: windowSchema.optional(),
  /** Receipt lifetime for this environment (default 30 minutes). */
  receiptTtl: durationSchema.default("30m")
}).strict();

// mcp-server/src/config/schema.ts
var configSchema = external_exports.object({
  app: external_exports.string().min(1).optional(),
  versioning: versioningSchema.default({}),
  environments: external_exports.record(external_exports.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'environment names are lowercase, like "production"'), environmentSchema).default({}),
  /** Default window policy for every environment that has none of its own. */
  window: windowSchema.optional(),
  /** Spec-Flow state file(s): `specs/*\/state.yaml` by default (seed 003). */
  state: external_exports.object({ file: external_exports.string().default("specs/*/state.yaml") }).strict().default({}),
  records: external_exports.object({ dir: external_exports.string().default(".claude/processes") }).strict().default({}),
  learnings: external_exports.object({ dir: external_exports.string().default(".claude/shipgate/learnings") }).strict().default({})
}).strict();

// mcp-server/src/config/load-config.ts
var CONFIG_FILE_NAMES = ["shipgate.config.yaml", ".claude/shipgate.yaml"];
async function loadConfig(projectRoot) {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(projectRoot, name);
    let bytes;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw new ConfigError(`Cannot read ${name}: ${error.message}`, { where: path });
    }
    return { config: parseConfigText(bytes.toString("utf8"), path), path, hash: sha256(bytes) };
  }
  return { config: configSchema.parse({}), path: null, hash: sha256("") };
}
function parseConfigText(text, file) {
  const lineCounter = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`The configuration file is not valid YAML: ${yamlError.message.split("\n")[0]}`, {
      where: `${file}:${at.line}:${at.col}`,
      expected: "a YAML mapping like the one `shipgate init` writes",
      hint: "Fix the YAML syntax at that line (indentation, a missing colon, an unclosed quote)."
    });
  }
  const data = document.toJS() ?? {};
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => formatIssue(issue, data));
  throw new ConfigError(`The configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}:
  ${problems.join("\n  ")}`, {
    where: file,
    hint: "Fix the keys listed above; `shipgate init` writes a commented example."
  });
}
function formatIssue(issue, data) {
  const path = issue.path.length ? issue.path.join(".") : "(top level)";
  const found = describeValue(valueAt(data, issue.path));
  switch (issue.code) {
    case "invalid_union_discriminator":
      return `${path}: expected one of ${issue.options.map(String).join("|")}, found ${found}`;
    case "invalid_enum_value":
      return `${path}: expected one of ${issue.options.map(String).join("|")}, found ${found}`;
    case "invalid_type":
      return issue.received === "undefined" ? `${path}: required ${issue.expected} is missing` : `${path}: expected ${issue.expected}, found ${found}`;
    case "unrecognized_keys":
      return `${path}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => quote(k)).join(", ")} (check the spelling)`;
    default:
      return `${path}: ${issue.message.replace(/^Invalid input$/, "invalid value")}, found ${found}`;
  }
}
function valueAt(data, path) {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current;
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return quote(value, 60);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "a mapping";
  return String(value);
}
function getEnvironment(loaded, name) {
  const environment = Object.prototype.hasOwnProperty.call(loaded.config.environments, name) ? loaded.config.environments[name] : void 0;
  if (environment) return environment;
  const names = Object.keys(loaded.config.environments);
  throw new ConfigError(`No environment named ${quote(name, 60)} in the configuration.`, {
    where: loaded.path ? `${loaded.path}: environments` : "environments (no configuration file found)",
    expected: names.length ? `one of: ${names.join(", ")}` : "an `environments:` section",
    hint: names.length ? `Use --env ${names[0]}, or add ${quote(name, 60)} under environments:.` : "Run `shipgate init` to write a starter configuration."
  });
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}

export {
  windowSchema,
  CONFIG_FILE_NAMES,
  loadConfig,
  parseConfigText,
  formatIssue,
  getEnvironment,
  sha256
};
