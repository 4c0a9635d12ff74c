import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{g as a,h as b,i as c,j as d}from"./chunk-KOP4XKMQ.js";import"./chunk-YTLK3OKL.js";import"./chunk-OQPQXPV4.js";export{c as describeSources,d as formatTopPitfalls,b as summarizeAnalysis,a as summarizeLearnings};
