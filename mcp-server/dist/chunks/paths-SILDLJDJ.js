import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-QW4HEKKL.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{a as resolveInsideProject};
