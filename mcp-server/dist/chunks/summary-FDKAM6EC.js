import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{g as a,h as b,i as c,j as d}from"./chunk-7X3LJ5HG.js";import"./chunk-7QP6HWEZ.js";import"./chunk-D6DXA4EN.js";import"./chunk-AHK5V45S.js";export{c as describeSources,d as formatTopPitfalls,b as summarizeAnalysis,a as summarizeLearnings};
