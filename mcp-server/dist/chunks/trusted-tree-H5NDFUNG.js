import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-TGBYQIA6.js";import"./chunk-KNW6BDAH.js";import"./chunk-WONQZ3MF.js";import"./chunk-6QAXGSHS.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{c as checkoutTrustedTree,a as commandsIn,b as treesFolder,d as withTrustedTree};
