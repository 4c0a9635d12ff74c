import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g}from"./chunk-LS3JWOEJ.js";import"./chunk-4CH2XNWH.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{f as changedPaths,e as commitParents,g as fileAtCommit,a as git,b as gitOk,c as gitTest,d as headCommit};
