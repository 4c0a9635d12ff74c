import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{b as a,c as b}from"./chunk-MW3XULNB.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{b as formatPlan,a as planDeploy};
