import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-ZSRNCG4A.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{c as ensureStillReal,b as resolveConfiguredPath,a as resolveInsideProject};
