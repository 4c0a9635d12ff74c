import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-36HD4ON6.js";import"./chunk-YFVDHQNE.js";import"./chunk-VGHDEX7P.js";import"./chunk-AHK5V45S.js";export{b as renderAnalysis,a as renderLearnings};
