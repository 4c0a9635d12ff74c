import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-OKHPR7KT.js";import"./chunk-2PDISXCV.js";import"./chunk-6IB5YDNF.js";import"./chunk-6QAXGSHS.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{c as checkoutTrustedTree,a as commandsIn,b as treesFolder,d as withTrustedTree};
