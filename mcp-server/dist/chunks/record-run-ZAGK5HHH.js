import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  recordRun
} from "./chunk-6XT3FFCB.js";
import "./chunk-P3WDUPBX.js";
import "./chunk-CHPPYB6P.js";
import "./chunk-MTZFLQ7W.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-V44AS647.js";
import "./chunk-45S5TUYB.js";
import "./chunk-6BYGT45P.js";
import "./chunk-M3MLCKII.js";
import "./chunk-VBOBU6E4.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";
export {
  recordRun
};
