import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  CONFIG_FILE_NAMES,
  formatIssue,
  getEnvironment,
  loadConfig,
  parseConfigText,
  sha256
} from "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";
export {
  CONFIG_FILE_NAMES,
  formatIssue,
  getEnvironment,
  loadConfig,
  parseConfigText,
  sha256
};
