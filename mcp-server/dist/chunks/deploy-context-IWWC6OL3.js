import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-N5CFDPUE.js";import"./chunk-2PDISXCV.js";import"./chunk-6IB5YDNF.js";import"./chunk-LYE76MQE.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
