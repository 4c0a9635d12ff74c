import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-EJRCQWZO.js";import"./chunk-IF3WEIQG.js";import"./chunk-6WQYOEHN.js";import"./chunk-IW56FJZR.js";import"./chunk-AHK5V45S.js";export{d as changedPaths,c as commitParents,a as git,b as headCommit};
