import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g,h}from"./chunk-2PDISXCV.js";import"./chunk-6IB5YDNF.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{a as NO_REPOSITORY_CODE,g as changedPaths,f as commitParents,h as fileAtCommit,b as git,c as gitOk,d as gitTest,e as headCommit};
