import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  readEnvironmentState,
  writeEnvironmentState
} from "./chunk-5ZBWD2KA.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";
export {
  readEnvironmentState,
  writeEnvironmentState
};
