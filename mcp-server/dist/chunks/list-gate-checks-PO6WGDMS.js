import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  listGateCheckIds,
  requireGateCheck
} from "./chunk-WOOKBI42.js";
import "./chunk-Q3LL3MAD.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-OI4SVB5F.js";
import "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";
export {
  listGateCheckIds,
  requireGateCheck
};
