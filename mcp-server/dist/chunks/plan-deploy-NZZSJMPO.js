import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunk-R7KAPTNJ.js";import"./chunk-RKIGHIP3.js";import"./chunk-OQPQXPV4.js";export{a as NO_PREVIOUS_VERSION,c as formatPlan,b as planDeploy};
