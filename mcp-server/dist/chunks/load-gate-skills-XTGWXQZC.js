import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-BNO6ZWZR.js";import"./chunk-QW4HEKKL.js";import"./chunk-QKTWQ3PC.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{b as gateHash,c as parseGateFiles,a as resolveGateFiles};
