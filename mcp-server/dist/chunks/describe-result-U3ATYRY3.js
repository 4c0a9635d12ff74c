import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-BDEFPEGT.js";import"./chunk-AHK5V45S.js";export{b as bumpResultDocument,a as describeBumpResult};
