import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-TASD5JYJ.js";import"./chunk-CZ7VNQXL.js";import"./chunk-4CH2XNWH.js";import"./chunk-LYE76MQE.js";import"./chunk-AHK5V45S.js";export{a as checkoutTrustedTree,b as withTrustedTree};
