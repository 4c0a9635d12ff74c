import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  resolveInsideProject
} from "./chunk-OI4SVB5F.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-CMTZTRQJ.js";
export {
  resolveInsideProject
};
