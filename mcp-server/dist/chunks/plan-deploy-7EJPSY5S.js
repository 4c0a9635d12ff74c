import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunk-UJ3AIEXG.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as NO_PREVIOUS_VERSION,c as formatPlan,b as planDeploy};
