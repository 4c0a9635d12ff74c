import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-T2D7S326.js";import"./chunk-GQ4RNSVW.js";import"./chunk-42DG5MTF.js";import"./chunk-6QAXGSHS.js";import"./chunk-2DFILZ5K.js";import"./chunk-AHK5V45S.js";export{c as checkoutTrustedTree,a as commandsIn,b as treesFolder,d as withTrustedTree};
