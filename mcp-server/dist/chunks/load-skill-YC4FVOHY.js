import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  MAX_SKILL_BYTES,
  detectKind,
  isBinary,
  loadSkillFile
} from "./chunk-JQ7UXUYC.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-B7G755XZ.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";
export {
  MAX_SKILL_BYTES,
  detectKind,
  isBinary,
  loadSkillFile
};
