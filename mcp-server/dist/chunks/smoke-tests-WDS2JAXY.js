import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-IJFDH52G.js";import"./chunk-QLAETLKC.js";import"./chunk-TYU4NPII.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{c as loadSmokeTests,b as parseSmokeTests,d as runSmokeTests,a as smokeTestSchema};
