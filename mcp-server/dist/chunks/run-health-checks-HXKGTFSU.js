import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{b as a,c as b}from"./chunk-LIYJAT7N.js";import"./chunk-QLAETLKC.js";import"./chunk-AHK5V45S.js";export{b as evaluate,a as runHealthChecks};
