import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-KJIZQGTN.js";import"./chunk-TWUF4XP4.js";import"./chunk-7QP6HWEZ.js";import"./chunk-AHK5V45S.js";export{b as renderAnalysis,a as renderLearnings};
