import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  ELICIT_SCHEMA,
  resolveAttestation
} from "./chunk-FDIYOONR.js";
import "./chunk-ELF2GQKJ.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-2TUREMD7.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-CMTZTRQJ.js";
export {
  ELICIT_SCHEMA,
  resolveAttestation
};
