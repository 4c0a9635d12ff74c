import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  DEFAULT_LEARNINGS_DIR,
  resolveStoreDir
} from "./chunk-M3MLCKII.js";
import "./chunk-CMTZTRQJ.js";
export {
  DEFAULT_LEARNINGS_DIR,
  resolveStoreDir
};
