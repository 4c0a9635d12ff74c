import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-KNV4JOG2.js";import"./chunk-ZSRNCG4A.js";import"./chunk-QKTWQ3PC.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{b as gateHash,c as parseGateFiles,a as resolveGateFiles};
