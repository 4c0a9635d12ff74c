import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e as a}from"./chunk-DIYJQ7UG.js";import"./chunk-DXJVJXCL.js";import"./chunk-NUEM3ZIG.js";import"./chunk-MPVA2EXV.js";import"./chunk-TYU4NPII.js";import"./chunk-4T5YWJOW.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";export{a as configSchema};
