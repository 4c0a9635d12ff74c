import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-ED4YZJRF.js";import"./chunk-QLAETLKC.js";import"./chunk-EHO5AYY7.js";import"./chunk-AHK5V45S.js";export{b as evaluate,a as runHealthChecks};
