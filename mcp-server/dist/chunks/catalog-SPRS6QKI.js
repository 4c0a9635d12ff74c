import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  listSkillFiles,
  loadCatalog,
  readCatalogSnapshot
} from "./chunk-MTZFLQ7W.js";
import "./chunk-B47VQ6L6.js";
import "./chunk-H2VYXQ36.js";
import "./chunk-6BYGT45P.js";
import "./chunk-VBOBU6E4.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";
export {
  listSkillFiles,
  loadCatalog,
  readCatalogSnapshot
};
