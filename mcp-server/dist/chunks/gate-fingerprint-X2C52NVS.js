import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-HUZYOTAC.js";import"./chunk-KXCRQMK3.js";import"./chunk-OQPQXPV4.js";export{a as GATE_CHANGED_CHECK,e as currentGateFingerprint,c as gateChanged,b as gateFingerprint,d as summarizeGateChange};
