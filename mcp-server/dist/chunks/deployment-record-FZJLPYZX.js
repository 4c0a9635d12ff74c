import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  allocateRecordPaths,
  markAbortedRecords,
  newRecord,
  readRecords,
  writeRecord
} from "./chunk-727VNCNB.js";
import "./chunk-3HRCFEKB.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-O4TABYHR.js";
import "./chunk-CMTZTRQJ.js";
export {
  allocateRecordPaths,
  markAbortedRecords,
  newRecord,
  readRecords,
  writeRecord
};
