import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-KL3MWDEE.js";import"./chunk-7X3LJ5HG.js";import"./chunk-7QP6HWEZ.js";import"./chunk-D6DXA4EN.js";import"./chunk-AHK5V45S.js";export{b as renderAnalysis,a as renderLearnings};
