import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-5OIYAMLV.js";
import "./chunk-CMTZTRQJ.js";
export default require_dist();
