import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/learnings/merge-catalog.ts
function mergeCatalog(skillPitfalls, rules) {
  const byRule = new Map(rules.map((rule) => [rule.id, rule]));
  const entries = /* @__PURE__ */ new Map();
  for (const pitfall of skillPitfalls) {
    if (!pitfall.id || entries.has(pitfall.id)) continue;
    const rule = byRule.get(pitfall.id);
    entries.set(pitfall.id, {
      id: pitfall.id,
      title: readableTitle(pitfall.title, pitfall.id, rule?.title),
      impact: pitfall.impact ?? rule?.impact,
      prevention: pitfall.prevention ?? rule?.prevention,
      detection: pitfall.detection,
      phase: rule?.phase ?? "deploy",
      source: pitfall.source,
      detectable: rule !== void 0
    });
  }
  for (const rule of rules) {
    if (entries.has(rule.id)) continue;
    entries.set(rule.id, { id: rule.id, title: rule.title, impact: rule.impact, prevention: rule.prevention, phase: rule.phase, source: "detection rule", detectable: true });
  }
  return [...entries.values()];
}
function readableTitle(title, id, ruleTitle) {
  const plain = !title || title === id || title.toLowerCase() === id.replace(/[_-]+/g, " ");
  return plain ? ruleTitle ?? titleFromId(id) : title;
}
function titleFromId(id) {
  return id.split(/[_-]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join(" ");
}

export {
  mergeCatalog,
  titleFromId
};
