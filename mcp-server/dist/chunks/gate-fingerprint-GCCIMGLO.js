import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-6UMD43CN.js";import"./chunk-2BW7FZQP.js";import"./chunk-AHK5V45S.js";export{a as GATE_CHANGED_CHECK,e as currentGateFingerprint,c as gateChanged,b as gateFingerprint,d as summarizeGateChange};
