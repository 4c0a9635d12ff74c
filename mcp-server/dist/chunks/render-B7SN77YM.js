import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-R245FKYE.js";import"./chunk-6SZ4YPBU.js";import"./chunk-VGHDEX7P.js";import"./chunk-AHK5V45S.js";export{b as renderAnalysis,a as renderLearnings};
