import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-AZQ6OTOF.js";import"./chunk-TBXEBBZD.js";import"./chunk-MFVY2LVV.js";import"./chunk-4T5YWJOW.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
