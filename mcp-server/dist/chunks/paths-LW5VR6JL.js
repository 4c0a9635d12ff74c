import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-DSO4ZKHE.js";import"./chunk-6WQYOEHN.js";import"./chunk-AHK5V45S.js";export{a as resolveInsideProject};
