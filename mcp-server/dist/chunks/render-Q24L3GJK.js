import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-QH3OMHOF.js";import"./chunk-75QMQPCV.js";import"./chunk-7QP6HWEZ.js";import"./chunk-D6DXA4EN.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{b as renderAnalysis,a as renderLearnings};
