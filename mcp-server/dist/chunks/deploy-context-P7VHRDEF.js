import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-4STWBFSS.js";import"./chunk-CH4GL5FN.js";import"./chunk-E55J5EZC.js";import"./chunk-LYE76MQE.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
