import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-P5JD4XMM.js";import"./chunk-KOP4XKMQ.js";import"./chunk-YTLK3OKL.js";import"./chunk-OQPQXPV4.js";export{b as renderAnalysis,a as renderLearnings};
