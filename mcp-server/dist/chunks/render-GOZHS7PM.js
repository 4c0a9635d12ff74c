import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  renderAnalysis,
  renderLearnings
} from "./chunk-V44AS647.js";
import "./chunk-45S5TUYB.js";
import "./chunk-6BYGT45P.js";
import "./chunk-CMTZTRQJ.js";
export {
  renderAnalysis,
  renderLearnings
};
