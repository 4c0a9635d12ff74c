import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  readLearnings
} from "./chunk-PG2VTIKE.js";
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

// mcp-server/src/learnings/resource.ts
var LEARNINGS_RESOURCE = {
  uri: "shipgate://learnings",
  name: "learnings",
  title: "Lessons learned (shipgate)",
  description: "Pitfalls with frequency and last seen, successful patterns and deploy metrics, updated by code after every run.",
  mimeType: "text/markdown"
};
async function readLearningsResource(projectRoot) {
  const view = await readLearnings(projectRoot);
  return { uri: LEARNINGS_RESOURCE.uri, mimeType: LEARNINGS_RESOURCE.mimeType, text: view.markdown };
}
export {
  LEARNINGS_RESOURCE,
  readLearningsResource
};
