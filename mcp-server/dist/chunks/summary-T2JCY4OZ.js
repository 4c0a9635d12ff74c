import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-SQEZRZVJ.js";import"./chunk-6SZ4YPBU.js";import"./chunk-VGHDEX7P.js";import"./chunk-AHK5V45S.js";export{c as formatTopPitfalls,b as summarizeAnalysis,a as summarizeLearnings};
