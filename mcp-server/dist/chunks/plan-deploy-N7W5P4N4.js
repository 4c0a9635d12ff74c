import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  formatPlan,
  planDeploy
} from "./chunk-MQJJAQZI.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";
export {
  formatPlan,
  planDeploy
};
