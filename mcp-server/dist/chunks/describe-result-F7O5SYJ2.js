import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-FSKR3M5G.js";import"./chunk-OQPQXPV4.js";export{b as bumpResultDocument,a as describeBumpResult};
