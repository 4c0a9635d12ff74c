import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-SDL2L54P.js";import"./chunk-JDDDOASX.js";import"./chunk-TEY2NUO5.js";import"./chunk-KCTSCTSL.js";import"./chunk-OQPQXPV4.js";export{b as gateHash,c as parseGateFiles,a as resolveGateFiles};
