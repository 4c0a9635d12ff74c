import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-2764Y7R4.js";import"./chunk-T7INOV5G.js";import"./chunk-ZUM2KIFI.js";import"./chunk-6QAXGSHS.js";import"./chunk-I5PELH3D.js";import"./chunk-AHK5V45S.js";export{c as checkoutTrustedTree,a as commandsIn,b as treesFolder,d as withTrustedTree};
