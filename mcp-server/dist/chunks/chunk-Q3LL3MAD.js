import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  getEnvironment,
  windowSchema
} from "./chunk-NRUS7RPD.js";
import {
  resolveInsideProject
} from "./chunk-OI4SVB5F.js";
import {
  ENVIRONMENT_PATTERN
} from "./chunk-ELF2GQKJ.js";
import {
  findPluginRoot
} from "./chunk-B47VQ6L6.js";
import {
  ConfigError,
  InputError,
  quote
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/gates/gate-settings.ts
var DEFAULT_GATE_SKILL = "production-gate";
var DEFAULT_RECEIPT_TTL_MS = 30 * 6e4;
function gateSettings(loaded, environment) {
  const configured = Object.keys(loaded.config.environments).length > 0;
  if (!configured) {
    if (!ENVIRONMENT_PATTERN.test(environment)) {
      throw new InputError("The environment name is not valid.", { where: "environment", expected: 'a lowercase name like "production"', found: quote(environment, 60) });
    }
    return { environment, gates: [DEFAULT_GATE_SKILL], window: loaded.config.window ?? windowSchema.parse({}), receiptTtlMs: DEFAULT_RECEIPT_TTL_MS };
  }
  const env = getEnvironment(loaded, environment);
  return {
    environment,
    gates: env.gates.length ? env.gates : [DEFAULT_GATE_SKILL],
    url: env.url,
    window: env.window ?? loaded.config.window ?? windowSchema.parse({}),
    receiptTtlMs: env.receiptTtl
  };
}

// mcp-server/src/gates/load-gate-skills.ts
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
var BUNDLED_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
async function resolveGateFiles(projectRoot, entries, env = process.env) {
  const files = [];
  for (const entry of entries) {
    let path;
    let displayPath;
    if (BUNDLED_NAME.test(entry) && !entry.endsWith(".md")) {
      const pluginRoot = findPluginRoot(env);
      if (!pluginRoot) throw new ConfigError(`Cannot find the shipgate plugin folder to load the bundled gate skill ${quote(entry)}.`, { hint: "Set CLAUDE_PLUGIN_ROOT, or list a project-relative SKILL.md path under gates:." });
      path = join(pluginRoot, "skills", entry, "SKILL.md");
      displayPath = `plugin:skills/${entry}/SKILL.md`;
    } else {
      try {
        path = await resolveInsideProject(projectRoot, entry, "gates entry");
      } catch (error) {
        if (error instanceof InputError) throw new ConfigError(`The gate skill ${quote(entry)} is outside the project.`, { where: "environments.<env>.gates", expected: 'a path inside the project or a bundled skill name like "production-gate"' });
        throw error;
      }
      displayPath = relative(projectRoot, path);
    }
    let bytes;
    try {
      bytes = await readFile(path);
    } catch {
      throw new ConfigError(`The gate skill ${quote(entry)} does not exist.`, { where: path, expected: "a SKILL.md with a <safety_gate> block", hint: "Fix the path under environments.<env>.gates in shipgate.config.yaml." });
    }
    files.push({ entry, path, displayPath, bytes });
  }
  return files;
}
function gateHash(files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.displayPath).update("\0").update(file.bytes).update("\0");
  return hash.digest("hex");
}
async function parseGateFiles(files) {
  const { loadSkillFile } = await import("./load-skill-YC4FVOHY.js");
  const documents = [];
  for (const file of files) {
    const document = await loadSkillFile(file.path, "skill");
    const errors = document.problems.filter((p) => p.severity === "error");
    if (errors.length) {
      throw new ConfigError(`The gate skill ${file.displayPath} cannot be used: ${errors.length} parse error${errors.length > 1 ? "s" : ""}.`, {
        where: errors.map((p) => `${file.displayPath}:${p.position.line}:${p.position.column} ${p.message} (${p.ruleId})`).join("\n      "),
        hint: `Run \`shipgate validate ${file.displayPath}\` and fix the errors.`
      });
    }
    documents.push(document);
  }
  return documents;
}

export {
  gateSettings,
  resolveGateFiles,
  gateHash,
  parseGateFiles
};
