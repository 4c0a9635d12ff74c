import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-GVPOGSPC.js";import"./chunk-QLAETLKC.js";import"./chunk-G3FWH37N.js";import"./chunk-AHK5V45S.js";export{b as evaluate,a as runHealthChecks,c as selfReportedUnhealthy};
