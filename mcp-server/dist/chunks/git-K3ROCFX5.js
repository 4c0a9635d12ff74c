import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-GSUMH6EU.js";import"./chunk-TX37AGKM.js";import"./chunk-IW56FJZR.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{d as changedPaths,c as commitParents,e as fileAtCommit,a as git,b as headCommit};
