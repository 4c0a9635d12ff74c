import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-L7CETHZQ.js";import"./chunk-QKNYVEXY.js";import"./chunk-QKTWQ3PC.js";import"./chunk-2DFILZ5K.js";import"./chunk-AHK5V45S.js";export{b as gateHash,c as parseGateFiles,a as resolveGateFiles};
