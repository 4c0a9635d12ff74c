import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-4LOJUVA5.js";
import {
  LineIndex
} from "./chunk-B7G755XZ.js";
import {
  parseDuration
} from "./chunk-3SNQWMNX.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/validate/rules/frontmatter-yaml.ts
var rule = {
  meta: {
    id: "frontmatter-yaml",
    description: "Frontmatter is valid YAML and a mapping of keys to values.",
    severity: "error",
    scope: "document",
    docs: {
      why: "Claude Code ignores a skill whose frontmatter does not parse: its name, description and tool limits are silently lost.",
      bad: "---\nname: [deploy-production\ndescription: Deploys.\n---\n",
      good: "---\nname: deploy-production\ndescription: Deploys.\n---\n"
    }
  },
  check({ document, report }) {
    for (const problem of document.problems) {
      if (problem.ruleId === "frontmatter-yaml") report({ message: problem.message, position: problem.position, severity: problem.severity });
    }
  }
};

// mcp-server/src/validate/rule-helpers.ts
var KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
var SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
function didYouMean(word, candidates) {
  let best;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
var flattened = /* @__PURE__ */ new WeakMap();
function walkElements(elements) {
  let list = flattened.get(elements);
  if (!list) {
    list = [];
    const stack = elements.map((element) => ({ element, parent: null })).reverse();
    while (stack.length) {
      const entry = stack.pop();
      list.push(entry);
      for (let i = entry.element.children.length - 1; i >= 0; i -= 1) stack.push({ element: entry.element.children[i], parent: entry.element });
    }
    flattened.set(elements, list);
  }
  return list;
}
function startTag(element) {
  const p = element.position;
  return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column + element.name.length + 1 };
}
function firstLine(position) {
  return position.endLine === position.line ? position : { ...position, endLine: position.line, endColumn: position.column + 1 };
}
function keyPosition(document, key) {
  const fm = document.frontmatter;
  return fm?.keys[key] ?? (fm ? firstLine(fm.position) : { line: 1, column: 1, endLine: 1, endColumn: 1 });
}
function valuePosition(document, key) {
  return document.frontmatter?.values[key] ?? keyPosition(document, key);
}
function skillFolderName(path) {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 2] ?? "";
}
function describeValue(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}\u2026` : value)}`;
  return `${typeof value} ${String(value)}`;
}

// mcp-server/src/validate/rules/frontmatter-unknown-key.ts
var SKILL_KEYS = ["name", "description", "allowed-tools", "disable-model-invocation", "user-invocable", "context", "agent", "model", "argument-hint", "when_to_use", "hooks", "license", "metadata", "version", "compatibility"];
var COMMAND_KEYS = ["name", "description", "allowed-tools", "argument-hint", "model", "disable-model-invocation", "user-invocable", "context", "agent", "hooks", "when_to_use"];
var AGENT_KEYS = ["name", "description", "tools", "model", "color", "permissionMode", "skills", "hooks", "disallowedTools", "mcpServers"];
var KNOWN_KEYS = { skill: SKILL_KEYS, command: COMMAND_KEYS, agent: AGENT_KEYS, reference: SKILL_KEYS, other: SKILL_KEYS };
var rule2 = {
  meta: {
    id: "frontmatter-unknown-key",
    description: "Frontmatter keys are ones Claude Code knows for this file kind (skill, command, agent).",
    severity: "warning",
    scope: "document",
    docs: {
      why: "Unknown keys are ignored silently; a misspelt `allowed-tools` leaves the skill with every tool allowed.",
      bad: "---\nname: deploy\nallowed_tools: Read\n---\n",
      good: "---\nname: deploy\nallowed-tools: Read\n---\n"
    }
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm) return;
    const known = KNOWN_KEYS[document.kind] ?? SKILL_KEYS;
    for (const key of Object.keys(fm.data)) {
      if (known.includes(key)) continue;
      const suggestion = didYouMean(key, known);
      report({
        message: `Unexpected frontmatter key "${key}", expected one of ${known.join(", ")}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}.`,
        position: fm.keys[key],
        ...suggestion ? { fix: { description: `rename to \`${suggestion}\``, replacement: suggestion } } : {}
      });
    }
  }
};

// mcp-server/src/validate/rules/name-format.ts
var rule3 = {
  meta: {
    id: "name-format",
    description: "The `name` is kebab-case, at most 64 characters, and equals the folder name of a skill.",
    severity: "error",
    scope: "document",
    docs: {
      why: "The name is how the skill is invoked and listed; a name that differs from its folder is rejected by the skill loaders.",
      bad: "---\n# in skills/deploy-production/SKILL.md\nname: Deploy_Production\ndescription: Deploys.\n---\n",
      good: "---\n# in skills/deploy-production/SKILL.md\nname: deploy-production\ndescription: Deploys.\n---\n"
    }
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm || !("name" in fm.data)) return;
    const name = fm.data.name;
    const position = valuePosition(document, "name");
    if (typeof name !== "string") {
      report({ message: `Unexpected ${describeValue(name)} for name, expected a kebab-case string.`, position });
      return;
    }
    if (!KEBAB_CASE.test(name)) {
      const fixed = name.trim().replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      report({ message: `Unexpected name "${name}", expected kebab-case (lowercase letters, digits and single hyphens).`, position, fix: { description: `rename to \`${fixed}\``, replacement: fixed } });
    } else if (name.length > 64) {
      report({ message: `Unexpected name of ${name.length} characters, expected at most 64.`, position });
    }
    if (document.kind === "skill") {
      const folder = skillFolderName(document.path);
      if (folder && name !== folder) {
        report({ message: `Unexpected name "${name}", expected the skill folder name "${folder}".`, position, fix: { description: `rename to \`${folder}\``, replacement: folder } });
      }
    }
  }
};

// mcp-server/src/validate/rules/description-required.ts
var rule4 = {
  meta: {
    id: "description-required",
    description: "Skills and agents have a non-empty string `description`; commands should have one.",
    severity: "error",
    scope: "document",
    docs: {
      why: "Without a description the model cannot tell when the skill applies, so it is never loaded on its own.",
      bad: "---\nname: deploy-production\n---\n",
      good: "---\nname: deploy-production\ndescription: Deploys to production behind a blocking gate. Use when releasing. Not for staging.\n---\n"
    }
  },
  check({ document, report }) {
    if (!["skill", "agent", "command"].includes(document.kind)) return;
    if (document.problems.some((p) => p.ruleId === "frontmatter-yaml")) return;
    const value = document.frontmatter?.data.description;
    const severity = document.kind === "command" ? "warning" : "error";
    if (value === void 0) {
      report({ message: `Unexpected ${document.frontmatter ? "frontmatter" : "file"} without description, expected a \`description:\` that says what the ${document.kind} does and when to use it.`, position: document.frontmatter?.keys.name ?? keyPosition(document, "description"), severity });
    } else if (typeof value !== "string" || value.trim() === "") {
      report({ message: `Unexpected ${describeValue(value)} for description, expected a non-empty string.`, position: document.frontmatter?.values.description, severity });
    }
  }
};

// mcp-server/src/validate/rules/description-length.ts
var MAX_DESCRIPTION = 1024;
var rule5 = {
  meta: {
    id: "description-length",
    description: "The `description` is at most 1024 characters.",
    severity: "error",
    scope: "document",
    docs: {
      why: 'Descriptions are loaded into every session; loaders reject or cut long ones, losing the "when" and "not for" parts at the end.',
      bad: "---\nname: deploy\ndescription: Deploys. Deploys. Deploys. (\u2026 1,100 characters \u2026)\n---\n",
      good: "---\nname: deploy\ndescription: Deploys to production. Use when releasing. Not for staging.\n---\n"
    }
  },
  check({ document, report }) {
    const value = document.frontmatter?.data.description;
    if (typeof value !== "string" || value.length <= MAX_DESCRIPTION) return;
    report({ message: `Unexpected description of ${value.length} characters, expected at most ${MAX_DESCRIPTION}.`, position: valuePosition(document, "description"), fix: { description: "move detail into the body and keep what/when/not-for in the description" } });
  }
};

// mcp-server/src/validate/rules/description-what-when-not.ts
var FIRST_OR_SECOND_PERSON = /^(?:i|i'm|i am|we|we're|you|your|let me|let's)\b/i;
var WHEN = /\b(?:use (?:it |this )?when|when|whenever)\b/i;
var NOT_FOR = /\b(?:not for|not when|do not use|don't use|never use|not to be used)\b/i;
var rule6 = {
  meta: {
    id: "description-what-when-not",
    description: 'A skill description is third person and has a "Use when" part and a "Not for" part.',
    severity: "warning",
    scope: "document",
    docs: {
      why: 'The model chooses skills from their descriptions: without "when" it under-triggers, without "not for" it over-triggers.',
      bad: "---\nname: deploy\ndescription: I can help you deploy things.\n---\n",
      good: "---\nname: deploy\ndescription: Deploys to production behind a blocking gate. Use when releasing to production. Not for staging deploys.\n---\n"
    }
  },
  check({ document, report }) {
    if (document.kind !== "skill") return;
    const value = document.frontmatter?.data.description;
    if (typeof value !== "string" || value.trim() === "") return;
    const position = valuePosition(document, "description");
    const text = value.trim();
    if (FIRST_OR_SECOND_PERSON.test(text)) {
      report({ message: `Unexpected "${text.split(/\s+/)[0]}" at the start of the description, expected the third person ("Deploys ...", not "I ..." or "You ...").`, position });
    }
    if (!WHEN.test(text)) report({ message: 'Unexpected description without a "when" part, expected e.g. "Use when releasing to production."', position, fix: { description: 'add a sentence starting with "Use when"' } });
    if (!NOT_FOR.test(text)) report({ message: 'Unexpected description without a "not for" part, expected e.g. "Not for staging deploys."', position, fix: { description: 'add a sentence starting with "Not for"' } });
  }
};

// mcp-server/src/validate/rules/frontmatter-boolean.ts
var BOOLEAN_KEYS = ["disable-model-invocation", "user-invocable"];
var rule7 = {
  meta: {
    id: "frontmatter-boolean",
    description: "`disable-model-invocation` and `user-invocable` are typed booleans (true/false).",
    severity: "error",
    scope: "document",
    docs: {
      why: 'A quoted "false" is a truthy string: the production deploy skill would be invocable by the model when it must not be.',
      bad: '---\nname: deploy\ndisable-model-invocation: "true"\n---\n',
      good: "---\nname: deploy\ndisable-model-invocation: true\n---\n"
    }
  },
  check({ document, report }) {
    const data = document.frontmatter?.data;
    if (!data) return;
    for (const key of BOOLEAN_KEYS) {
      if (!(key in data) || typeof data[key] === "boolean") continue;
      const value = data[key];
      const guess = typeof value === "string" && /^(?:true|yes|on)$/i.test(value.trim()) ? "true" : typeof value === "string" && /^(?:false|no|off)$/i.test(value.trim()) ? "false" : void 0;
      report({
        message: `Unexpected ${describeValue(value)} for ${key}, expected a boolean (true or false, unquoted).`,
        position: valuePosition(document, key),
        ...guess ? { fix: { description: `write \`${guess}\` unquoted`, replacement: guess } } : {}
      });
    }
  }
};

// mcp-server/src/validate/rules/allowed-tools-syntax.ts
var TOOL = /^(?:mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?|[A-Z][A-Za-z0-9]*)(?:\([^()]*\))?$/;
function splitTools(text) {
  const tokens = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(") depth += 1;
    if (c === ")") depth -= 1;
    if (depth <= 0 && (c === "," || /\s/.test(c))) {
      if (current) tokens.push(current);
      current = "";
      depth = Math.max(depth, 0);
    } else current += c;
  }
  if (current) tokens.push(current);
  return tokens;
}
var rule8 = {
  meta: {
    id: "allowed-tools-syntax",
    description: "`allowed-tools` lists tool names like `Read`, `Bash(git:*)` or `mcp__server__tool`.",
    severity: "error",
    scope: "document",
    docs: {
      why: "A malformed entry grants nothing (or the wrong thing): `bash(docker:*)` does not match the Bash tool, so the command prompts or fails mid-deploy.",
      bad: "---\nname: deploy\nallowed-tools: Read, bash(docker:*), Bash(kubectl:*\n---\n",
      good: "---\nname: deploy\nallowed-tools: Read, Bash(docker:*), Bash(kubectl:*)\n---\n"
    }
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm) return;
    for (const key of ["allowed-tools", "tools", "disallowedTools"]) {
      if (!(key in fm.data)) continue;
      const value = fm.data[key];
      const position = valuePosition(document, key);
      const entries = typeof value === "string" ? splitTools(value) : Array.isArray(value) ? value : null;
      if (entries === null) {
        report({ message: `Unexpected ${describeValue(value)} for ${key}, expected a comma-separated string or a list of tool names.`, position });
        continue;
      }
      const line = document.text.split("\n")[position.line - 1] ?? "";
      for (const entry of entries) {
        if (typeof entry === "string" && TOOL.test(entry.trim())) continue;
        const text = typeof entry === "string" ? entry : describeValue(entry);
        const at = line.indexOf(text, position.line === fm.keys[key]?.line ? position.column - 1 : 0);
        const where = at >= 0 && position.line === position.endLine ? { line: position.line, column: at + 1, endLine: position.line, endColumn: at + 1 + text.length } : position;
        const fixed = typeof entry === "string" ? entry.charAt(0).toUpperCase() + entry.slice(1) + (entry.split("(").length > entry.split(")").length ? ")" : "") : void 0;
        report({
          message: `Unexpected tool "${text}" in ${key}, expected \`Name\`, \`Name(specifier)\` with balanced parentheses, or \`mcp__server__tool\`.`,
          position: where,
          ...fixed && TOOL.test(fixed) ? { fix: { description: `write \`${fixed}\``, replacement: fixed } } : {}
        });
      }
    }
  }
};

// mcp-server/src/validate/rules/argument-hint-consistency.ts
var USE = /\$(?:ARGUMENTS\b|\d\b)/;
var rule9 = {
  meta: {
    id: "argument-hint-consistency",
    description: "Files that use $ARGUMENTS/$1/$0 declare `argument-hint`, and files with a hint use arguments.",
    severity: "warning",
    scope: "document",
    docs: {
      why: "Without a hint the user does not know the command takes arguments; a hint with no use means typed arguments are silently dropped.",
      bad: "---\ndescription: Deploy to an environment\n---\nDeploy to $1 now.\n",
      good: "---\ndescription: Deploy to an environment\nargument-hint: [environment]\n---\nDeploy to $1 now.\n"
    }
  },
  check({ document, report }) {
    if (document.kind !== "command" && document.kind !== "skill") return;
    const bodyStart = document.frontmatter ? document.frontmatter.position.endLine : 0;
    const lines = document.text.split("\n");
    let useLine = -1;
    for (let i = bodyStart; i < lines.length; i += 1) {
      if (USE.test(lines[i])) {
        useLine = i;
        break;
      }
    }
    const hint = document.frontmatter?.data["argument-hint"];
    if (useLine >= 0 && hint === void 0) {
      const column = lines[useLine].search(USE) + 1;
      const token = USE.exec(lines[useLine])[0];
      report({ message: `Unexpected ${token} without an argument-hint, expected \`argument-hint: [...]\` in the frontmatter.`, position: { line: useLine + 1, column, endLine: useLine + 1, endColumn: column + token.length }, fix: { description: "add `argument-hint: [arguments]` to the frontmatter" } });
    } else if (useLine < 0 && hint !== void 0 && document.kind === "command") {
      report({ message: "Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.", position: keyPosition(document, "argument-hint") });
    }
  }
};

// mcp-server/src/validate/rules/xml-well-formed.ts
var rule10 = {
  meta: {
    id: "xml-well-formed",
    description: "XML blocks in the Markdown body are well formed (closed, properly nested, quoted attributes).",
    severity: "error",
    scope: "document",
    docs: {
      why: "An unclosed block swallows the rest of the file: checks after it are never run and the gate looks emptier than it is.",
      bad: '<safety_gate type="blocking">\n<checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n</checks>\n</safety_gate>\n'
    }
  },
  check({ document, report }) {
    for (const problem of document.problems) {
      if (problem.ruleId === "xml-well-formed") report({ message: problem.message, position: problem.position, severity: problem.severity });
    }
  }
};

// mcp-server/src/validate/rules/xml-unknown-block.ts
var TOP_LEVEL_BLOCKS = ["mission_control", "safety_gate", "rollback_procedure", "logic_flow", "anti_patterns", "critical_constraint", "objective", "quick_start", "workflow", "success_criteria", "trigger_conditions", "pitfall", "purpose", "context", "example", "examples", "instructions", "process"];
var CHILDREN = {
  mission_control: ["objective", "success_criteria"],
  safety_gate: ["purpose", "checks", "gate_validation", "check"],
  checks: ["check"],
  check: ["command", "expected", "verify", "requirement", "verification", "failure_mode", "timeout"],
  rollback_procedure: ["purpose", "trigger_conditions", "steps"],
  trigger_conditions: ["condition"],
  steps: ["step"],
  step: ["command", "timeout", "expected", "investigation", "actions"]
};
var PATTERNS = [/^step_\d+(?:_[a-z0-9_]+)?$/, /^[a-z0-9_]+_workflow$/];
var rule11 = {
  meta: {
    id: "xml-unknown-block",
    description: "XML blocks and their children are ones the shipgate skill language defines.",
    severity: "warning",
    scope: "document",
    docs: {
      why: "A misspelt control block is read as prose: a `<saftey_gate>` has no checks that run and blocks nothing.",
      bad: '<saftey_gate type="blocking">\n</saftey_gate>\n',
      good: '<safety_gate type="blocking">\n</safety_gate>\n'
    }
  },
  check({ document, report }) {
    for (const { element, parent } of walkElements(document.elements)) {
      const allowed = parent ? CHILDREN[parent.name] : TOP_LEVEL_BLOCKS;
      if (!allowed || allowed.includes(element.name) || !parent && PATTERNS.some((p) => p.test(element.name))) continue;
      const suggestion = didYouMean(element.name, allowed);
      report({
        message: `Unexpected <${element.name}>${parent ? ` inside <${parent.name}>` : ""}, expected one of ${allowed.map((n) => `<${n}>`).join(", ")}${suggestion ? ` (did you mean <${suggestion}>?)` : ""}.`,
        position: startTag(element),
        ...suggestion ? { fix: { description: `rename to <${suggestion}>`, replacement: suggestion } } : {}
      });
    }
  }
};

// mcp-server/src/validate/rules/gate-has-checks.ts
var rule12 = {
  meta: {
    id: "gate-has-checks",
    description: "A `<safety_gate>` is typed blocking/advisory and contains at least one `<check>`.",
    severity: "error",
    scope: "document",
    docs: {
      why: 'A gate without checks always passes: the deploy would be "gated" by nothing.',
      bad: '<safety_gate type="blocking" phase="pre_deployment">\n<purpose>Stop bad deploys</purpose>\n</safety_gate>\n',
      good: '<safety_gate type="blocking" phase="pre_deployment">\n<purpose>Stop bad deploys</purpose>\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n'
    }
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name !== "safety_gate") continue;
      const type = element.attributes.type;
      if (type !== "blocking" && type !== "advisory") {
        report({ message: `Unexpected ${type === void 0 ? "safety_gate without type" : `type "${type}"`}, expected type="blocking" or type="advisory".`, position: element.attributePositions.type ?? startTag(element) });
      }
    }
    for (const gate of document.model.safetyGates) {
      if (gate.checks.length === 0) report({ message: 'Unexpected safety_gate without checks, expected at least one <check id="..."> inside <checks>.', position: firstLine(gate.position) });
    }
  }
};

// mcp-server/src/validate/rules/check-id-format.ts
var rule13 = {
  meta: {
    id: "check-id-format",
    description: "Every `<check>` has an `id` in snake_case.",
    severity: "error",
    scope: "document",
    docs: {
      why: "The id is typed on the command line (`shipgate attest tests_pass`) and stored in receipts; spaces, capitals and hyphens break both.",
      bad: '<check id="Tests-Pass">\n<command>npm test</command>\n</check>\n',
      good: '<check id="tests_pass">\n<command>npm test</command>\n</check>\n'
    }
  },
  check({ document, report }) {
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        if (SNAKE_CASE.test(check.id)) continue;
        const fixed = check.id.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
        report({
          message: check.id === "" ? 'Unexpected check without id, expected id="snake_case_name".' : `Unexpected check id "${check.id}", expected snake_case (e.g. "${fixed || "tests_pass"}").`,
          position: firstLine(check.position),
          ...fixed ? { fix: { description: `rename to \`${fixed}\``, replacement: fixed } } : {}
        });
      }
    }
  }
};

// mcp-server/src/validate/rules/check-id-unique.ts
var rule14 = {
  meta: {
    id: "check-id-unique",
    description: "Check ids are unique within a skill.",
    severity: "error",
    scope: "document",
    docs: {
      why: "Results, receipts and attestations are stored by check id; a duplicate makes one result stand for two checks.",
      bad: '<check id="tests_pass">\n<command>npm test</command>\n</check>\n<check id="tests_pass">\n<command>npm run e2e</command>\n</check>\n',
      good: '<check id="tests_pass">\n<command>npm test</command>\n</check>\n<check id="e2e_pass">\n<command>npm run e2e</command>\n</check>\n'
    }
  },
  check({ document, report }) {
    const seen = /* @__PURE__ */ new Map();
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        if (check.id === "") continue;
        const first = seen.get(check.id);
        if (first === void 0) seen.set(check.id, check.position.line);
        else report({ message: `Unexpected duplicate check id "${check.id}" (first at line ${first}), expected each id once per skill.`, position: firstLine(check.position) });
      }
    }
  }
};

// mcp-server/src/validate/rules/check-decider.ts
var rule15 = {
  meta: {
    id: "check-decider",
    description: "Each check has exactly one decider: command, verify, or requirement+verification (attestation, warned).",
    severity: "error",
    scope: "document",
    docs: {
      why: "A check with no decider cannot pass or fail; with two, the runner and the reader disagree on what passing means. Prose-only checks need a named human to attest them.",
      bad: '<check id="tests_pass">\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n',
      good: '<check id="tests_pass">\n<command>npm test</command>\n<expected>Exit code 0</expected>\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n'
    }
  },
  check({ document, report }) {
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        const position = firstLine(check.position);
        const kinds = check.deciders.map((d) => d.kind);
        if (check.deciders.length === 0) {
          report({ message: `Unexpected check "${check.id}" without a decider, expected <command>, <verify kind="..."/> or <requirement> + <verification>.`, position });
        } else if (check.deciders.length > 1) {
          report({ message: `Unexpected ${check.deciders.length} deciders (${kinds.join(", ")}) in check "${check.id}", expected exactly one.`, position, fix: { description: "keep one of <command>, <verify> or <requirement>+<verification>" } });
        } else if (kinds[0] === "attestation") {
          report({ message: `Unexpected prose-only check "${check.id}": it needs a human attestation (\`shipgate attest ${check.id} --by NAME --evidence TEXT\`), expected a <command> or <verify> where a machine can decide.`, position, severity: "warning" });
        }
      }
    }
  }
};

// mcp-server/src/skill/verify-kinds.ts
var VERIFY_KINDS = [
  { kind: "command", summary: "runs a repository command; passes on exit code 0 (or `exit_code`)", required: [], optional: ["exit_code", "timeout", "output_contains"], text: "required", example: '<verify kind="command" timeout="10m">npm test</verify>' },
  { kind: "file-exists", summary: "a file matching a glob exists; YYYY, MM, DD and YYYY-MM-DD are replaced with today's date", required: ["path"], optional: ["min_size"], example: '<verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/>' },
  { kind: "file-age", summary: "the newest file matching a glob is younger than max_age", required: ["path", "max_age"], optional: [], example: '<verify kind="file-age" path="backups/*.log" max_age="24h"/>' },
  { kind: "state", summary: "a key path in a YAML/JSON state file equals a value (or is in a list)", required: ["key"], optional: ["file", "equals", "in"], example: '<verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>' },
  { kind: "git-clean", summary: "the working tree has no uncommitted changes", required: [], optional: ["allow_untracked"], example: '<verify kind="git-clean"/>' },
  { kind: "git-branch", summary: "HEAD is on the named branch (or one of a comma list / glob)", required: ["branch"], optional: [], example: '<verify kind="git-branch" branch="main"/>' },
  { kind: "http", summary: "an HTTP GET answers with the status (and body text) expected", required: ["url"], optional: ["status", "body_contains", "timeout", "method"], example: '<verify kind="http" url="{url}/health" status="200"/>' },
  { kind: "deploy-window", summary: "now is inside the project's deployment window policy (deny days/hours, holidays)", required: [], optional: [], example: '<verify kind="deploy-window"/>' },
  { kind: "attestation", summary: "a named human confirms; who, when and evidence are recorded", required: [], optional: ["role", "prompt", "max_age"], example: '<verify kind="attestation" role="reviewer" prompt="Recent commits reviewed and approved"/>' }
];
var VERIFY_KIND_NAMES = VERIFY_KINDS.map((k) => k.kind);
var FAILURE_MODES = ["BLOCK deployment", "block", "warn", "WARN"];

// mcp-server/src/validate/verify-specs.ts
function verifySpecs(document) {
  const specs = [];
  for (const gate of document.model.safetyGates) {
    for (const check of gate.checks) {
      for (const decider of check.deciders) if (decider.kind === "verify") specs.push(decider.verify);
    }
  }
  return specs;
}

// mcp-server/src/validate/rules/verify-kind-known.ts
var rule16 = {
  meta: {
    id: "verify-kind-known",
    description: "`<verify kind>` is one of the kinds shipgate implements.",
    severity: "error",
    scope: "document",
    docs: {
      why: "The gate runner refuses a kind it does not know, so a typo turns a machine check into a permanent block.",
      bad: '<check id="plan_written">\n<verify kind="file_exist" path="docs/plan.md"/>\n</check>\n',
      good: '<check id="plan_written">\n<verify kind="file-exists" path="docs/plan.md"/>\n</check>\n'
    }
  },
  check({ document, report }) {
    for (const verify of verifySpecs(document)) {
      if (VERIFY_KIND_NAMES.includes(verify.kind)) continue;
      const suggestion = didYouMean(verify.kind, VERIFY_KIND_NAMES);
      report({
        message: `Unexpected verify kind "${verify.kind}", expected one of ${VERIFY_KIND_NAMES.join(", ")}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}.`,
        position: firstLine(verify.position),
        ...suggestion ? { fix: { description: `use kind="${suggestion}"`, replacement: suggestion } } : {}
      });
    }
  }
};

// mcp-server/src/validate/rules/verify-attributes.ts
var rule17 = {
  meta: {
    id: "verify-attributes",
    description: "A `<verify>` has the attributes its kind requires and no unknown ones.",
    severity: "error",
    scope: "document",
    docs: {
      why: "A verify without its required attribute cannot be evaluated and blocks the gate at deploy time instead of at lint time.",
      bad: '<check id="backups_current">\n<verify kind="file-age" path="backups/*.log"/>\n</check>\n',
      good: '<check id="backups_current">\n<verify kind="file-age" path="backups/*.log" max_age="24h"/>\n</check>\n'
    }
  },
  check({ document, report }) {
    for (const verify of verifySpecs(document)) {
      const spec = VERIFY_KINDS.find((k) => k.kind === verify.kind);
      if (!spec) continue;
      const position = firstLine(verify.position);
      const known = ["kind", ...spec.required, ...spec.optional];
      for (const name of spec.required) {
        if (verify.attributes[name] === void 0) report({ message: `Unexpected verify kind="${spec.kind}" without ${name}, expected ${name}="..." (e.g. ${spec.example}).`, position });
      }
      for (const name of Object.keys(verify.attributes)) {
        if (known.includes(name)) continue;
        const suggestion = didYouMean(name, known);
        report({ message: `Unexpected attribute ${name} on verify kind="${spec.kind}", expected one of ${known.join(", ")}${suggestion ? ` (did you mean ${suggestion}?)` : ""}.`, position, severity: "warning" });
      }
      if (spec.text === "required" && verify.text.trim() === "") {
        report({ message: `Unexpected empty verify kind="${spec.kind}", expected its text (e.g. ${spec.example}).`, position });
      }
    }
  }
};

// mcp-server/src/validate/rules/failure-mode-known.ts
var rule18 = {
  meta: {
    id: "failure-mode-known",
    description: "`<failure_mode>` is one of the modes the gate runner understands.",
    severity: "error",
    scope: "document",
    docs: {
      why: "An unknown failure mode leaves it unclear whether a failing check blocks the deploy.",
      bad: '<check id="tests_pass">\n<command>npm test</command>\n<failure_mode>stop everything</failure_mode>\n</check>\n',
      good: '<check id="tests_pass">\n<command>npm test</command>\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n'
    }
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name !== "failure_mode") continue;
      const mode = element.text.trim();
      if (FAILURE_MODES.includes(mode)) continue;
      report({ message: `Unexpected failure mode "${mode}", expected one of ${FAILURE_MODES.map((m) => `"${m}"`).join(", ")}.`, position: element.position });
    }
  }
};

// mcp-server/src/validate/rules/duration-format.ts
var DURATION_ATTRIBUTES = ["timeout", "max_age", "for"];
var rule19 = {
  meta: {
    id: "duration-format",
    description: "Timeouts, `max_age` and `for=` durations parse (30s, 5m, 24h, 1h30m, 120 seconds).",
    severity: "error",
    scope: "document",
    docs: {
      why: "A duration that does not parse falls back to a default nobody chose: a rollback step could wait forever or give up at once.",
      bad: '<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<timeout>a while</timeout>\n</step>\n',
      good: '<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<timeout>30 seconds</timeout>\n</step>\n'
    }
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name === "timeout" && parseDuration(element.text) === void 0) {
        report({ message: `Unexpected timeout "${element.text.trim()}", expected a duration like 30s, 5m, 1h30m or 120 seconds.`, position: element.position });
      }
      for (const name of DURATION_ATTRIBUTES) {
        const value = element.attributes[name];
        if (value === void 0 || parseDuration(value) !== void 0) continue;
        report({ message: `Unexpected ${name}="${value}" on <${element.name}>, expected a duration like 30s, 5m, 24h or 1h30m.`, position: element.attributePositions[name] ?? startTag(element) });
      }
    }
  }
};

// mcp-server/src/validate/rules/rollback-steps-sequential.ts
var rule20 = {
  meta: {
    id: "rollback-steps-sequential",
    description: "Sequential rollback steps are numbered 1..n in order.",
    severity: "error",
    scope: "document",
    docs: {
      why: 'Rollback runs under pressure; a skipped or swapped number is how a "verify rollback" step gets lost.',
      bad: '<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n<step id="3" action="verify">\n<command>kubectl rollout status deployment/app</command>\n</step>\n</steps>\n',
      good: '<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n<step id="2" action="verify">\n<command>kubectl rollout status deployment/app</command>\n</step>\n</steps>\n'
    }
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      if (!procedure.sequential) continue;
      procedure.steps.forEach((step, index) => {
        const expected = index + 1;
        if (step.number === expected) return;
        report({ message: `Unexpected step id "${step.id}", expected "${expected}" (sequential steps are numbered 1..n in order).`, position: firstLine(step.position), fix: { description: `renumber to ${expected}`, replacement: String(expected) } });
      });
    }
  }
};

// mcp-server/src/validate/rules/rollback-step-action.ts
var rule21 = {
  meta: {
    id: "rollback-step-action",
    description: "Each rollback step has a `<command>`, `<actions>` or `<investigation>`.",
    severity: "error",
    scope: "document",
    docs: {
      why: "The rollback runner executes commands and prints actions; a step with neither silently does nothing during an incident.",
      bad: '<step id="1" action="immediate_rollback">\n<expected>Previous version restored</expected>\n</step>\n',
      good: '<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<expected>Previous version restored</expected>\n</step>\n'
    }
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      for (const step of procedure.steps) {
        if ((step.command ?? "").trim() || step.actions.length > 0 || (step.investigation ?? "").trim()) continue;
        report({ message: `Unexpected rollback step "${step.id}" with nothing to do, expected a <command>, <actions> or <investigation>.`, position: firstLine(step.position) });
      }
    }
  }
};

// mcp-server/src/validate/rules/rollback-triggers-present.ts
var rule22 = {
  meta: {
    id: "rollback-triggers-present",
    description: "A rollback procedure has at least one trigger condition.",
    severity: "error",
    scope: "document",
    docs: {
      why: "Without triggers the automatic rollback never fires: the monitor has nothing to watch.",
      bad: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n',
      good: '<rollback_procedure>\n<trigger_conditions>\n<condition metric="error_rate" above="0.05" for="2m">Error rate above 5% for 2 minutes</condition>\n</trigger_conditions>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n'
    }
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      if (procedure.triggerConditions.length > 0) continue;
      report({ message: "Unexpected rollback_procedure without trigger conditions, expected <trigger_conditions> with at least one <condition>.", position: firstLine(procedure.position) });
    }
  }
};

// mcp-server/src/validate/rules/logic-flow-parses.ts
var rule23 = {
  meta: {
    id: "logic-flow-parses",
    description: "`<logic_flow>` contains a Graphviz digraph that parses.",
    severity: "error",
    scope: "document",
    docs: {
      why: "A flow that does not parse cannot be checked for reachability or a rollback path, and renders as nothing.",
      bad: "<logic_flow>\ndigraph Deploy {\n  Verify -> ;\n}\n</logic_flow>\n",
      good: "<logic_flow>\ndigraph Deploy {\n  Verify -> Success;\n  Verify -> Rollback;\n}\n</logic_flow>\n"
    }
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) report({ message: flow.error.message, position: flow.error.position });
      else if (flow.nodes.length === 0 && flow.edges.length === 0) report({ message: "Unexpected empty logic_flow, expected a `digraph Name { A -> B; }`.", position: firstLine(flow.position) });
    }
  }
};

// mcp-server/src/validate/rules/logic-flow-edges-declared.ts
var rule24 = {
  meta: {
    id: "logic-flow-edges-declared",
    description: "Edges of a logic flow name nodes declared in the graph (DOT allows implicit nodes, so this warns).",
    severity: "warning",
    scope: "document",
    docs: {
      why: "A misspelt node name silently creates a second node and breaks the path the flow is meant to show.",
      bad: '<logic_flow>\ndigraph Deploy {\n  Verify [label="Verify"];\n  Success [label="Success"];\n  Verfy -> Success;\n}\n</logic_flow>\n',
      good: '<logic_flow>\ndigraph Deploy {\n  Verify [label="Verify"];\n  Success [label="Success"];\n  Verify -> Success;\n}\n</logic_flow>\n'
    }
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error || flow.nodes.length === 0) continue;
      const declared = new Set(flow.nodes.filter((n) => !isImplicit(n, flow.edges)).map((n) => n.id));
      if (declared.size === 0) continue;
      const reported = /* @__PURE__ */ new Set();
      for (const edge of flow.edges) {
        for (const id of [edge.from, edge.to]) {
          if (declared.has(id) || reported.has(id)) continue;
          reported.add(id);
          report({ message: `Unexpected undeclared node "${id}" in an edge, expected a declared node (${[...declared].slice(0, 8).join(", ")}).`, position: edge.position });
        }
      }
    }
  }
};
function isImplicit(node, edges) {
  return Object.keys(node.attributes).length === 0 && edges.some((e) => e.position.line === node.position.line && e.position.column <= node.position.column);
}

// mcp-server/src/validate/flow-graph.ts
function nodeIds(flow) {
  const ids = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (id) => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  const firstNode = flow.nodes[0];
  const firstEdge = flow.edges[0];
  if (firstEdge && (!firstNode || comesBefore(firstEdge.position, firstNode.position))) add(firstEdge.from);
  for (const node of flow.nodes) add(node.id);
  for (const edge of flow.edges) {
    add(edge.from);
    add(edge.to);
  }
  return ids;
}
function comesBefore(a, b) {
  return a.line < b.line || a.line === b.line && a.column < b.column;
}
function reachableFrom(flow, start) {
  const out = /* @__PURE__ */ new Map();
  for (const edge of flow.edges) out.set(edge.from, [...out.get(edge.from) ?? [], edge.to]);
  const seen = /* @__PURE__ */ new Set([start]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift();
    for (const next of out.get(id) ?? []) if (!seen.has(next)) {
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}
function nodeMatches(flow, id, word) {
  const label = flow.nodes.find((n) => n.id === id)?.label ?? "";
  return id.toLowerCase().includes(word) || label.toLowerCase().includes(word);
}

// mcp-server/src/validate/rules/logic-flow-reachable.ts
var rule25 = {
  meta: {
    id: "logic-flow-reachable",
    description: "Every node of a logic flow is reachable from its first node.",
    severity: "error",
    scope: "document",
    docs: {
      why: 'An unreachable node is a step (often "Verify" or "Backup") that no path executes.',
      bad: '<logic_flow>\ndigraph Deploy {\n  Start -> Success;\n  Start -> Rollback;\n  Backup [label="Backup database"];\n}\n</logic_flow>\n',
      good: "<logic_flow>\ndigraph Deploy {\n  Start -> Backup;\n  Backup -> Success;\n  Backup -> Rollback;\n}\n</logic_flow>\n"
    }
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) continue;
      const ids = nodeIds(flow);
      const first = ids[0];
      if (first === void 0) continue;
      const reachable = reachableFrom(flow, first);
      for (const id of ids) {
        if (reachable.has(id)) continue;
        const where = flow.nodes.find((n) => n.id === id)?.position ?? flow.edges.find((e) => e.from === id || e.to === id)?.position ?? flow.position;
        report({ message: `Unexpected unreachable node "${id}", expected every node to be reachable from "${first}".`, position: where });
      }
    }
  }
};

// mcp-server/src/validate/rules/logic-flow-terminals.ts
var rule26 = {
  meta: {
    id: "logic-flow-terminals",
    description: "A logic flow has a path from its first node to a success node and to a rollback node.",
    severity: "error",
    scope: "document",
    docs: {
      why: "The flow must show both outcomes: a deploy that can only succeed has no documented way back.",
      bad: "<logic_flow>\ndigraph Deploy {\n  Verify -> Deploy;\n  Deploy -> Success;\n}\n</logic_flow>\n",
      good: "<logic_flow>\ndigraph Deploy {\n  Verify -> Deploy;\n  Deploy -> Success;\n  Deploy -> Rollback;\n}\n</logic_flow>\n"
    }
  },
  check({ document, report }) {
    for (const flow of document.model.logicFlows) {
      if (flow.error) continue;
      const first = nodeIds(flow)[0];
      if (first === void 0) continue;
      const reachable = [...reachableFrom(flow, first)];
      for (const word of ["success", "rollback"]) {
        if (reachable.some((id) => nodeMatches(flow, id, word))) continue;
        report({ message: `Unexpected logic_flow without a path from "${first}" to a ${word} node, expected a node whose id or label contains "${word}".`, position: firstLine(flow.position), fix: { description: `add e.g. \`Deploy -> ${word === "success" ? "Success" : "Rollback"};\`` } });
      }
    }
  }
};

// mcp-server/src/validate/rules/links-resolve.ts
import { dirname, resolve } from "node:path";
var rule27 = {
  meta: {
    id: "links-resolve",
    description: "Relative Markdown links and `references/...` mentions resolve to existing files.",
    severity: "error",
    scope: "project",
    docs: {
      why: "Progressive disclosure only works when the referenced file exists; otherwise the agent reads a 404 in the middle of a deploy.",
      bad: "Details in [the checklist](references/missing-checklist.md).\n",
      good: "Details in [the checklist](references/checklist.md).\n"
    }
  },
  check(context) {
    for (const facts of context.facts) {
      for (const link of facts.links) {
        const target = resolve(dirname(facts.path), link.target);
        if (context.exists(target)) continue;
        context.report(facts.path, { message: `Unexpected link to "${link.target}", expected an existing file (${target} does not exist).`, position: link.position });
      }
    }
  }
};

// mcp-server/src/validate/rules/command-references.ts
import { join } from "node:path";
var SHIPGATE_TOOLS = ["gate_check", "gate_attest", "version_bump", "deploy", "rollback", "health_check", "deployment_status", "runbook_generate", "learnings_get", "learnings_record", "validate_skills"];
var rule28 = {
  meta: {
    id: "command-references",
    description: "Skills named via the Skill tool and `mcp__plugin_shipgate_shipgate__*` tools exist.",
    severity: "error",
    scope: "project",
    docs: {
      why: "A command that calls a tool or skill that does not exist makes the agent improvise, which is exactly the ungated path.",
      bad: "---\ndescription: Ship to production\n---\nCall `mcp__plugin_shipgate_shipgate__gate_run` first.\n",
      good: "---\ndescription: Ship to production\n---\nCall `mcp__plugin_shipgate_shipgate__gate_check` first.\n"
    }
  },
  check(context) {
    const skills = /* @__PURE__ */ new Set();
    for (const facts of context.facts) {
      if (facts.kind !== "skill") continue;
      skills.add(skillFolderName(facts.path));
      if (facts.name) skills.add(facts.name);
    }
    for (const facts of context.facts) {
      for (const reference of facts.references) {
        if (reference.kind === "tool") {
          if (SHIPGATE_TOOLS.includes(reference.name)) continue;
          const suggestion2 = didYouMean(reference.name, SHIPGATE_TOOLS);
          context.report(facts.path, { message: `Unexpected MCP tool "${reference.name}", expected one of ${SHIPGATE_TOOLS.join(", ")}${suggestion2 ? ` (did you mean "${suggestion2}"?)` : ""}.`, position: reference.position, ...suggestion2 ? { fix: { description: `use ${suggestion2}`, replacement: suggestion2 } } : {} });
          continue;
        }
        const name = reference.name.replace(/^[a-z0-9-]+:/, "");
        if (skills.has(name) || context.root !== null && context.exists(join(context.root, "skills", name, "SKILL.md"))) continue;
        if (skills.size === 0 && context.root === null) continue;
        const suggestion = didYouMean(name, [...skills]);
        context.report(facts.path, { message: `Unexpected skill "${reference.name}", expected a skill of this plugin${skills.size ? ` (${[...skills].slice(0, 8).join(", ")})` : ""}${suggestion ? `; did you mean "${suggestion}"?` : ""}.`, position: reference.position });
      }
    }
  }
};

// mcp-server/src/validate/rules/plugin-manifest.ts
var import_semver = __toESM(require_semver(), 1);

// mcp-server/src/validate/json-with-positions.ts
function parseJsonWithPositions(text) {
  const index = new LineIndex(text);
  const keys = /* @__PURE__ */ new Map();
  const values = /* @__PURE__ */ new Map();
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error.message;
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const position = lc ? { line: Number(lc[1]), column: Number(lc[2]), endLine: Number(lc[1]), endColumn: Number(lc[2]) + 1 } : index.position(at ? Number(at[1]) : Math.max(0, text.length - 1), (at ? Number(at[1]) : text.length - 1) + 1);
    return { value: void 0, keys, values, error: { message: message.replace(/^(?:Unexpected|SyntaxError:)\s*/, "Unexpected "), position } };
  }
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i += 1;
  };
  const str = () => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i));
  };
  const walk = (path) => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i += 1;
      ws();
      while (text[i] !== "}" && i < text.length) {
        ws();
        const keyStart = i;
        const key = str();
        const child = path === "" ? escape(key) : `${path}/${escape(key)}`;
        keys.set(child, index.position(keyStart, i));
        ws();
        i += 1;
        walk(child);
        ws();
        if (text[i] === ",") i += 1;
        ws();
      }
      i += 1;
    } else if (c === "[") {
      i += 1;
      let n = 0;
      ws();
      while (text[i] !== "]" && i < text.length) {
        walk(path === "" ? String(n) : `${path}/${n}`);
        n += 1;
        ws();
        if (text[i] === ",") i += 1;
        ws();
      }
      i += 1;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i += 1;
    }
    values.set(path, index.position(start, i));
  };
  walk("");
  return { value, keys, values };
}
function escape(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
function locate(json, path) {
  for (let n = path.length; n >= 0; n -= 1) {
    const key = path.slice(0, n).map((p) => escape(String(p))).join("/");
    const found = json.keys.get(key) ?? json.values.get(key);
    if (found) return found;
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
function locateValue(json, path) {
  const key = path.map((p) => escape(String(p))).join("/");
  return json.values.get(key) ?? locate(json, path);
}

// mcp-server/src/validate/manifest.ts
import { basename, dirname as dirname2 } from "node:path";
function manifestKind(path) {
  const name = basename(path);
  const parent = basename(dirname2(path));
  if (name === "plugin.json" && parent === ".claude-plugin") return "plugin";
  if (name === "marketplace.json") return "marketplace";
  if (name === "hooks.json") return "hooks";
  if (name === ".mcp.json") return "mcp";
  return void 0;
}
function loadManifests(context, kind) {
  const loaded = [];
  for (const file of context.files) {
    if (file.type !== "json" || manifestKind(file.path) !== kind) continue;
    const text = context.readText(file.path);
    if (text === void 0) continue;
    const json = parseJsonWithPositions(text);
    if (json.error) {
      context.report(file.path, { message: `${json.error.message}, expected valid JSON.`, position: json.error.position });
      continue;
    }
    if (typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) {
      context.report(file.path, { message: "Unexpected JSON value at the top level, expected an object.", position: { line: 1, column: 1 } });
      continue;
    }
    loaded.push({ path: file.path, json, data: json.value });
  }
  return loaded;
}
function pluginRootOf(manifestPath) {
  const parent = dirname2(manifestPath);
  return basename(parent) === ".claude-plugin" || basename(parent) === "hooks" ? dirname2(parent) : parent;
}
function pluginRootPaths(command, root) {
  const found = [];
  const pattern = /["']?(\$\{CLAUDE_PLUGIN_ROOT\}[^\s"']*)["']?/g;
  for (let m = pattern.exec(command); m; m = pattern.exec(command)) {
    found.push({ written: m[1], resolved: m[1].replace("${CLAUDE_PLUGIN_ROOT}", root) });
  }
  return found;
}

// mcp-server/src/validate/rules/plugin-manifest.ts
var COMPONENT_KEYS = ["commands", "agents", "skills", "hooks", "mcpServers", "outputStyles", "lspServers"];
var rule29 = {
  meta: {
    id: "plugin-manifest",
    description: "`.claude-plugin/plugin.json`: kebab-case name, semver version, author object, keywords array, `./` component paths.",
    severity: "error",
    scope: "project",
    docs: {
      why: "Claude Code refuses to install a plugin whose manifest is malformed, and resolves component paths only when they are relative to the plugin root.",
      bad: '{\n  "name": "Ship Gate",\n  "version": "1.0",\n  "author": "me",\n  "commands": "commands/"\n}\n',
      good: '{\n  "name": "shipgate",\n  "version": "1.0.0",\n  "author": { "name": "me" },\n  "commands": "./commands/"\n}\n',
      language: "json"
    }
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, "plugin")) {
      const at = (...keys) => locateValue(json, keys);
      if (typeof data.name !== "string" || !KEBAB_CASE.test(data.name)) {
        context.report(path, { message: `Unexpected name ${JSON.stringify(data.name ?? null)}, expected a kebab-case string.`, position: data.name === void 0 ? locate(json, []) : at("name") });
      }
      if (data.version !== void 0 && (typeof data.version !== "string" || import_semver.default.valid(data.version) === null)) {
        const coerced = typeof data.version === "string" ? import_semver.default.coerce(data.version)?.version : void 0;
        context.report(path, { message: `Unexpected version ${JSON.stringify(data.version)}, expected a semantic version like "1.0.0".`, position: at("version"), ...coerced ? { fix: { description: `use "${coerced}"`, replacement: JSON.stringify(coerced) } } : {} });
      }
      const author = data.author;
      if (author !== void 0 && (typeof author !== "object" || author === null || Array.isArray(author) || typeof author.name !== "string")) {
        context.report(path, { message: `Unexpected author ${JSON.stringify(author)}, expected an object with a name: { "name": "..." }.`, position: at("author") });
      }
      if (data.keywords !== void 0 && (!Array.isArray(data.keywords) || data.keywords.some((k) => typeof k !== "string"))) {
        context.report(path, { message: `Unexpected keywords ${JSON.stringify(data.keywords)}, expected an array of strings.`, position: at("keywords") });
      }
      for (const key of COMPONENT_KEYS) {
        const value = data[key];
        const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
        list.forEach((entry, index) => {
          if (typeof entry !== "string" || entry.startsWith("./")) return;
          context.report(path, { message: `Unexpected ${key} path "${entry}", expected a path starting with "./" (relative to the plugin root).`, position: typeof value === "string" ? at(key) : at(key, index), fix: { description: `write "./${entry.replace(/^\/+/, "")}"` } });
        });
      }
    }
  }
};

// mcp-server/src/validate/rules/marketplace-manifest.ts
import { resolve as resolve2, dirname as dirname3, basename as basename2 } from "node:path";
var rule30 = {
  meta: {
    id: "marketplace-manifest",
    description: "`marketplace.json`: kebab-case name, owner object, plugins with name and an existing `./` source.",
    severity: "error",
    scope: "project",
    docs: {
      why: "A marketplace entry without a valid source cannot be installed: `/plugin install` fails after the user already added the marketplace.",
      bad: '{\n  "name": "shipgate",\n  "plugins": [\n    { "name": "shipgate" }\n  ]\n}\n',
      good: '{\n  "name": "shipgate",\n  "owner": { "name": "me" },\n  "plugins": [\n    { "name": "shipgate", "source": "./" }\n  ]\n}\n',
      language: "json"
    }
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, "marketplace")) {
      const base = basename2(dirname3(path)) === ".claude-plugin" ? dirname3(dirname3(path)) : dirname3(path);
      if (typeof data.name !== "string" || !KEBAB_CASE.test(data.name)) {
        context.report(path, { message: `Unexpected name ${JSON.stringify(data.name ?? null)}, expected a kebab-case string.`, position: locateValue(json, ["name"]) });
      }
      const owner = data.owner;
      if (typeof owner !== "object" || owner === null || typeof owner.name !== "string") {
        context.report(path, { message: `Unexpected owner ${JSON.stringify(data.owner ?? null)}, expected an object with a name: { "name": "..." }.`, position: locate(json, ["owner"]) });
      }
      if (!Array.isArray(data.plugins) || data.plugins.length === 0) {
        context.report(path, { message: 'Unexpected marketplace without plugins, expected "plugins": [{ "name": ..., "source": "./" }].', position: locate(json, ["plugins"]) });
        continue;
      }
      data.plugins.forEach((plugin, index) => {
        const entry = typeof plugin === "object" && plugin !== null ? plugin : {};
        if (typeof entry.name !== "string" || !KEBAB_CASE.test(entry.name)) {
          context.report(path, { message: `Unexpected plugin name ${JSON.stringify(entry.name ?? null)}, expected a kebab-case string.`, position: locate(json, ["plugins", index, "name"]) });
        }
        const source = entry.source;
        if (typeof source === "string") {
          if (!source.startsWith("./") && !/^[a-z]+:|^[\w.-]+\/[\w.-]+$/i.test(source)) {
            context.report(path, { message: `Unexpected source "${source}", expected a path starting with "./", a GitHub "owner/repo", or a source object.`, position: locateValue(json, ["plugins", index, "source"]) });
          } else if (source.startsWith("./") && !context.exists(resolve2(base, source))) {
            context.report(path, { message: `Unexpected source "${source}": no such folder, expected an existing plugin folder relative to the marketplace root.`, position: locateValue(json, ["plugins", index, "source"]) });
          }
        } else if (typeof source !== "object" || source === null) {
          context.report(path, { message: 'Unexpected plugin without source, expected "source": "./" or a source object.', position: locate(json, ["plugins", index, "source"]) });
        }
      });
    }
  }
};

// mcp-server/src/validate/rules/hooks-manifest.ts
var HOOK_EVENTS = ["PreToolUse", "PostToolUse", "PostToolUseFailure", "PermissionRequest", "UserPromptSubmit", "Notification", "Stop", "SubagentStart", "SubagentStop", "SessionStart", "SessionEnd", "PreCompact"];
var HOOK_TYPES = ["command", "prompt", "agent"];
var rule31 = {
  meta: {
    id: "hooks-manifest",
    description: "`hooks/hooks.json`: known events, typed hooks, and command hooks whose `${CLAUDE_PLUGIN_ROOT}` files exist.",
    severity: "error",
    scope: "project",
    docs: {
      why: "A misspelt event never fires and a missing script fails every tool call: the production guard would silently not run.",
      bad: '{\n  "hooks": {\n    "PreToolUses": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node ${CLAUDE_PLUGIN_ROOT}/missing.js" }] }\n    ]\n  }\n}\n',
      good: '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node ${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/guard-hook.js" }] }\n    ]\n  }\n}\n',
      language: "json"
    }
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, "hooks")) {
      const root = pluginRootOf(path);
      const hooks = data.hooks;
      if (typeof hooks !== "object" || hooks === null || Array.isArray(hooks)) {
        context.report(path, { message: 'Unexpected hooks file without a "hooks" object, expected { "hooks": { "PreToolUse": [...] } }.', position: locate(json, ["hooks"]) });
        continue;
      }
      for (const [event, groups] of Object.entries(hooks)) {
        if (!HOOK_EVENTS.includes(event)) {
          const suggestion = didYouMean(event, HOOK_EVENTS);
          context.report(path, { message: `Unexpected hook event "${event}", expected one of ${HOOK_EVENTS.join(", ")}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}.`, position: locate(json, ["hooks", event]), ...suggestion ? { fix: { description: `rename to "${suggestion}"`, replacement: suggestion } } : {} });
        }
        if (!Array.isArray(groups)) {
          context.report(path, { message: `Unexpected value for ${event}, expected an array of { "matcher", "hooks": [...] } groups.`, position: locateValue(json, ["hooks", event]) });
          continue;
        }
        groups.forEach((group, g) => {
          const list = group?.hooks;
          if (!Array.isArray(list)) {
            context.report(path, { message: 'Unexpected matcher group without "hooks", expected "hooks": [{ "type": "command", "command": "..." }].', position: locateValue(json, ["hooks", event, g]) });
            return;
          }
          list.forEach((hook, h) => {
            const entry = hook ?? {};
            if (typeof entry.type !== "string" || !HOOK_TYPES.includes(entry.type)) {
              context.report(path, { message: `Unexpected hook type ${JSON.stringify(entry.type ?? null)}, expected one of ${HOOK_TYPES.join(", ")}.`, position: locate(json, ["hooks", event, g, "hooks", h, "type"]) });
            }
            if (entry.type !== "command") return;
            if (typeof entry.command !== "string" || entry.command.trim() === "") {
              context.report(path, { message: 'Unexpected command hook without a command, expected "command": "node ${CLAUDE_PLUGIN_ROOT}/...".', position: locate(json, ["hooks", event, g, "hooks", h, "command"]) });
              return;
            }
            for (const { written, resolved } of pluginRootPaths(entry.command, root)) {
              if (!context.exists(resolved)) context.report(path, { message: `Unexpected missing file ${written} (${resolved}), expected the hook command to point at a file shipped with the plugin.`, position: locateValue(json, ["hooks", event, g, "hooks", h, "command"]) });
            }
          });
        });
      }
    }
  }
};

// mcp-server/src/validate/rules/mcp-manifest.ts
var rule32 = {
  meta: {
    id: "mcp-manifest",
    description: "`.mcp.json`: each server has a command and an args array (or a url), and the files it names exist.",
    severity: "error",
    scope: "project",
    docs: {
      why: "A server that cannot start leaves every gate tool missing: the agent then has no gated path and falls back to raw commands.",
      bad: '{\n  "mcpServers": {\n    "shipgate": { "args": "${CLAUDE_PLUGIN_ROOT}/missing.js" }\n  }\n}\n',
      good: '{\n  "mcpServers": {\n    "shipgate": { "command": "node", "args": ["${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/cli.js", "mcp"] }\n  }\n}\n',
      language: "json"
    }
  },
  check(context) {
    for (const { path, json, data } of loadManifests(context, "mcp")) {
      const root = pluginRootOf(path);
      const servers = data.mcpServers;
      if (typeof servers !== "object" || servers === null || Array.isArray(servers)) {
        context.report(path, { message: 'Unexpected .mcp.json without an "mcpServers" object, expected { "mcpServers": { "name": { "command": ..., "args": [...] } } }.', position: locate(json, ["mcpServers"]) });
        continue;
      }
      for (const [name, server] of Object.entries(servers)) {
        const entry = typeof server === "object" && server !== null ? server : {};
        if (typeof entry.url === "string") continue;
        if (typeof entry.command !== "string" || entry.command.trim() === "") {
          context.report(path, { message: `Unexpected server "${name}" without a command, expected "command": "node" (or a "url" for http servers).`, position: locate(json, ["mcpServers", name]) });
        }
        if (entry.args !== void 0 && (!Array.isArray(entry.args) || entry.args.some((a) => typeof a !== "string"))) {
          context.report(path, { message: `Unexpected args ${JSON.stringify(entry.args)} for server "${name}", expected an array of strings.`, position: locateValue(json, ["mcpServers", name, "args"]) });
        }
        const words = [entry.command, ...Array.isArray(entry.args) ? entry.args : typeof entry.args === "string" ? [entry.args] : []].filter((w) => typeof w === "string");
        for (const word of words) {
          for (const { written, resolved } of pluginRootPaths(word, root)) {
            if (!context.exists(resolved)) context.report(path, { message: `Unexpected missing file ${written} (${resolved}), expected the server to point at a file shipped with the plugin.`, position: locateValue(json, ["mcpServers", name, "args"]) });
          }
        }
      }
    }
  }
};

// mcp-server/src/validate/rules/pitfall-id-unique.ts
var rule33 = {
  meta: {
    id: "pitfall-id-unique",
    description: "Pitfall ids are unique across the plugin.",
    severity: "error",
    scope: "project",
    docs: {
      why: "Learnings are counted per pitfall id after every run; a duplicate id merges two lessons into one counter.",
      bad: '<anti_patterns>\n<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>\n<pitfall name="missing_git_tag" impact="low">Tag not pushed</pitfall>\n</anti_patterns>\n',
      good: '<anti_patterns>\n<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>\n<pitfall name="tag_not_pushed" impact="low">Tag not pushed</pitfall>\n</anti_patterns>\n'
    }
  },
  check(context) {
    const seen = /* @__PURE__ */ new Map();
    for (const facts of context.facts) {
      for (const pitfall of facts.pitfalls) {
        if (pitfall.id === "") continue;
        const first = seen.get(pitfall.id);
        if (first === void 0) {
          seen.set(pitfall.id, `${facts.path}:${pitfall.position.line}`);
          continue;
        }
        context.report(facts.path, { message: `Unexpected duplicate pitfall id "${pitfall.id}" (first at ${first}), expected each pitfall id once per plugin.`, position: firstLine(pitfall.position) });
      }
    }
  }
};

// mcp-server/src/validate/rules/gate-needs-mission-and-rollback.ts
var rule34 = {
  meta: {
    id: "gate-needs-mission-and-rollback",
    description: "A skill with a blocking gate also has `<mission_control>` and `<rollback_procedure>`.",
    severity: "warning",
    scope: "document",
    docs: {
      why: "Gating a deploy without stating its success criteria and its rollback leaves the operator with no plan when the gate passes and the deploy still fails.",
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<mission_control>\n<objective>Ship safely</objective>\n</mission_control>\n<safety_gate type="blocking">\n\u2026\n</safety_gate>\n<rollback_procedure>\n\u2026\n</rollback_procedure>\n'
    }
  },
  check({ document, report }) {
    const gate = document.model.safetyGates.find((g) => g.type === "blocking");
    if (!gate) return;
    const missing = [];
    if (document.model.missionControl.length === 0) missing.push("<mission_control>");
    if (document.model.rollbackProcedures.length === 0) missing.push("<rollback_procedure>");
    if (missing.length === 0) return;
    report({ message: `Unexpected blocking safety_gate without ${missing.join(" and ")}, expected a skill that states its mission and its rollback.`, position: firstLine(gate.position) });
  }
};

// mcp-server/src/validate/rules/index.ts
var RULES = [
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7,
  rule8,
  rule9,
  rule10,
  rule11,
  rule12,
  rule13,
  rule14,
  rule15,
  rule16,
  rule17,
  rule18,
  rule19,
  rule20,
  rule21,
  rule22,
  rule23,
  rule24,
  rule25,
  rule26,
  rule27,
  rule28,
  rule29,
  rule30,
  rule31,
  rule32,
  rule33,
  rule34
];
var RULE_SET_ID = RULES.map((r) => `${r.meta.id}:${r.meta.severity}`).join(",");

// mcp-server/src/validate/rule.ts
function docsUrlFor(ruleId) {
  return `https://github.com/shipgate/shipgate/blob/main/docs/rules.md#${ruleId}`;
}

export {
  manifestKind,
  RULES,
  RULE_SET_ID,
  docsUrlFor
};
