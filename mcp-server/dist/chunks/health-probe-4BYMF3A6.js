import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  joinUrl,
  loadSmokeTestFile,
  probeOnce,
  probeWithRetries,
  runHttpChecks
} from "./chunk-BJLGRV25.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-CMTZTRQJ.js";
export {
  joinUrl,
  loadSmokeTestFile,
  probeOnce,
  probeWithRetries,
  runHttpChecks
};
