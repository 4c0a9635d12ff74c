import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-F3JOK7KD.js";import"./chunk-GQ4RNSVW.js";import"./chunk-42DG5MTF.js";import"./chunk-2DFILZ5K.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
