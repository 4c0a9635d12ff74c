import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  changedPaths,
  commitParents,
  git,
  headCommit
} from "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-CMTZTRQJ.js";
export {
  changedPaths,
  commitParents,
  git,
  headCommit
};
