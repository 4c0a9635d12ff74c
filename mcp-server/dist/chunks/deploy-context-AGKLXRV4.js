import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-RDWBZIG4.js";import"./chunk-KNW6BDAH.js";import"./chunk-WONQZ3MF.js";import"./chunk-4T5YWJOW.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
