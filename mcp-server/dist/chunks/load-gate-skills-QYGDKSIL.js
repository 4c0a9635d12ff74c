import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-6MFAVK25.js";import"./chunk-MMV4XVWX.js";import"./chunk-QKTWQ3PC.js";import"./chunk-I5PELH3D.js";import"./chunk-AHK5V45S.js";export{b as gateHash,c as parseGateFiles,a as resolveGateFiles};
