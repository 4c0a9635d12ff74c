import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  formatTopPitfalls,
  summarizeAnalysis,
  summarizeLearnings
} from "./chunk-CHPPYB6P.js";
import "./chunk-45S5TUYB.js";
import "./chunk-6BYGT45P.js";
import "./chunk-CMTZTRQJ.js";
export {
  formatTopPitfalls,
  summarizeAnalysis,
  summarizeLearnings
};
