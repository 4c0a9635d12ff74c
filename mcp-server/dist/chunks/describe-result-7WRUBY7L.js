import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  bumpResultDocument,
  describeBumpResult
} from "./chunk-HCGOLNDF.js";
import "./chunk-CMTZTRQJ.js";
export {
  bumpResultDocument,
  describeBumpResult
};
