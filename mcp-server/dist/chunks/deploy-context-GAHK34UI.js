import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-VPGTENFX.js";import"./chunk-NTQUEPZR.js";import"./chunk-TX37AGKM.js";import"./chunk-IW56FJZR.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
