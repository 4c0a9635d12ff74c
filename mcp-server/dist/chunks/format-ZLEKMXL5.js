import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  RULES,
  docsUrlFor
} from "./chunk-LADSB7H5.js";
import "./chunk-4LOJUVA5.js";
import {
  SHIPGATE_VERSION
} from "./chunk-VB2BSGY6.js";
import "./chunk-B7G755XZ.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/validate/format/stylish.ts
var paint = (on, code, text) => on ? `\x1B[${code}m${text}\x1B[0m` : text;
function formatStylish(result, options = {}) {
  const color = options.color === true;
  const byFile = /* @__PURE__ */ new Map();
  for (const d of result.diagnostics) byFile.set(d.file, [...byFile.get(d.file) ?? [], d]);
  const out = [];
  for (const [file, list] of byFile) {
    out.push("", paint(color, "4", file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const severity = d.severity === "error" ? paint(color, "31", "error  ") : d.severity === "warning" ? paint(color, "33", "warning") : paint(color, "36", "info   ");
      const fix = d.fix ? paint(color, "2", ` (fix: ${d.fix.description})`) : "";
      out.push(`  ${paint(color, "2", where)}  ${severity}  ${d.message}${fix}  ${paint(color, "2", d.ruleId)}`);
    }
  }
  const total = result.errorCount + result.warningCount;
  if (total === 0) {
    out.push(`${paint(color, "32", "\u2714")} ${result.filesChecked} file${result.filesChecked === 1 ? "" : "s"} checked, no problems`);
  } else {
    out.push("", paint(color, result.errorCount ? "1;31" : "1;33", `\u2716 ${total} problem${total === 1 ? "" : "s"} (${result.errorCount} error${result.errorCount === 1 ? "" : "s"}, ${result.warningCount} warning${result.warningCount === 1 ? "" : "s"}) in ${result.filesChecked} file${result.filesChecked === 1 ? "" : "s"}`));
  }
  return `${out.join("\n").replace(/^\n/, "")}
`;
}

// mcp-server/src/validate/format/json.ts
function formatJson(result) {
  return `${JSON.stringify({ ok: !result.failed, filesChecked: result.filesChecked, errorCount: result.errorCount, warningCount: result.warningCount, diagnostics: result.diagnostics }, null, 2)}
`;
}

// mcp-server/src/validate/format/sarif.ts
var LEVEL = { error: "error", warning: "warning", info: "note" };
function sarifLog(result) {
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.docs.why },
    helpUri: docsUrlFor(rule.meta.id),
    help: { text: `${rule.meta.description}

${rule.meta.docs.why}` },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] }
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const d of result.diagnostics) {
    if (index.has(d.ruleId)) continue;
    index.set(d.ruleId, rules.length);
    rules.push({ id: d.ruleId, name: d.ruleId, shortDescription: { text: `Problem found while reading the file (${d.ruleId}).` }, fullDescription: { text: `Problem found while reading the file (${d.ruleId}).` }, helpUri: docsUrlFor(d.ruleId), help: { text: d.ruleId }, defaultConfiguration: { level: LEVEL[d.severity] } });
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "shipgate", version: SHIPGATE_VERSION, semanticVersion: SHIPGATE_VERSION, informationUri: "https://github.com/shipgate/shipgate", rules } },
        columnKind: "unicodeCodePoints",
        results: result.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: d.fix ? `${d.message} Fix: ${d.fix.description}.` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split("\\").join("/"), ...d.file.startsWith("/") ? {} : { uriBaseId: "%SRCROOT%" } },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine ?? d.line, endColumn: Math.max(d.endColumn ?? d.column + 1, d.endLine && d.endLine > d.line ? 1 : d.column + 1) }
              }
            }
          ]
        }))
      }
    ]
  };
}
function formatSarif(result) {
  return `${JSON.stringify(sarifLog(result), null, 2)}
`;
}

// mcp-server/src/validate/format/github.ts
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function formatGithub(result) {
  const lines = result.diagnostics.map((d) => {
    const command = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
    const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== void 0) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== void 0 && (d.endLine ?? d.line) === d.line) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${escapeProperty(d.ruleId)}`);
    return `::${command} ${props.join(",")}::${escapeData(d.fix ? `${d.message} (fix: ${d.fix.description})` : d.message)}`;
  });
  return lines.length ? `${lines.join("\n")}
` : "";
}

// mcp-server/src/validate/format/index.ts
var FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub
};
var FORMAT_NAMES = Object.keys(FORMATTERS);
export {
  FORMATTERS,
  FORMAT_NAMES
};
