import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-LKQEILG4.js";import"./chunk-T7INOV5G.js";import"./chunk-ZUM2KIFI.js";import"./chunk-I5PELH3D.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as gatherDeployFacts};
