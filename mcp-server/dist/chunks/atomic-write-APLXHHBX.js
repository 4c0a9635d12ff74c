import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";
export {
  writeFileAtomic
};
