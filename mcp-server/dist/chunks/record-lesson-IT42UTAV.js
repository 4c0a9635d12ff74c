import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  recordRun
} from "./chunk-6XT3FFCB.js";
import "./chunk-P3WDUPBX.js";
import "./chunk-CHPPYB6P.js";
import "./chunk-MTZFLQ7W.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-V44AS647.js";
import "./chunk-45S5TUYB.js";
import "./chunk-6BYGT45P.js";
import "./chunk-M3MLCKII.js";
import "./chunk-VBOBU6E4.js";
import {
  InputError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/learnings/record-lesson.ts
var LESSON_LIMITS = { note: 2e3, author: 100, pitfallId: 64, pitfalls: 10 };
var RUN_ID = /^[A-Za-z0-9._-]{1,80}$/;
var PITFALL_ID = /^[a-z][a-z0-9_]{1,63}$/;
var PHASES = ["gate", "bump", "deploy", "rollback"];
function checkLesson(lesson) {
  const pitfalls = lesson.pitfalls ?? [];
  const note = lesson.note?.trim();
  if (pitfalls.length === 0 && !note) {
    throw new InputError("A lesson needs a pitfall id or a note.", { where: "pitfall / note", expected: "at least one of them", hint: 'e.g. `shipgate learnings record --pitfall missing_git_tag --note "tag before deploying"`' });
  }
  if (pitfalls.length > LESSON_LIMITS.pitfalls) throw new InputError("Too many pitfalls in one lesson.", { where: "pitfall", expected: `at most ${LESSON_LIMITS.pitfalls}`, found: String(pitfalls.length) });
  for (const id of pitfalls) {
    if (!PITFALL_ID.test(id)) throw new InputError("A pitfall id must be snake_case.", { where: "pitfall", expected: "e.g. missing_git_tag (a-z, 0-9, _; 2-64 characters)", found: JSON.stringify(id.slice(0, 80)) });
  }
  if (note !== void 0) checkText(note, "note", LESSON_LIMITS.note, true);
  if (lesson.author !== void 0) checkText(lesson.author, "by", LESSON_LIMITS.author, false);
  if (lesson.runId !== void 0 && !RUN_ID.test(lesson.runId)) {
    throw new InputError("A run id is letters, digits, dot, dash or underscore.", { where: "run-id", expected: "e.g. deploy-20260302-101500-ab12cd34 (1-80 characters)", found: JSON.stringify(lesson.runId.slice(0, 80)) });
  }
  if (lesson.about !== void 0 && !PHASES.includes(lesson.about)) {
    throw new InputError("Unknown phase for a lesson.", { where: "phase", expected: PHASES.join(" | "), found: JSON.stringify(String(lesson.about).slice(0, 40)) });
  }
  return { ...lesson, pitfalls, note: note || void 0 };
}
function checkText(text, where, max, multiline) {
  if (text.length > max) throw new InputError(`The ${where} is too long.`, { where, expected: `at most ${max} characters`, found: `${text.length} characters` });
  const forbidden = multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (forbidden.test(text)) throw new InputError(`The ${where} contains control characters.`, { where, expected: multiline ? "plain text (newlines allowed)" : "plain text on one line" });
}
async function recordLesson(projectRoot, lesson, options = {}) {
  const checked = checkLesson(lesson);
  return recordRun(
    projectRoot,
    {
      phase: "retrospect",
      outcome: "noted",
      reportedPitfalls: checked.pitfalls,
      note: checked.note,
      author: checked.author,
      about: checked.about ?? "deploy",
      runId: checked.runId
    },
    options
  );
}
export {
  LESSON_LIMITS,
  PITFALL_ID,
  RUN_ID,
  checkLesson,
  recordLesson
};
