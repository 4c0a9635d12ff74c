import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-ODZDH6MS.js";import"./chunk-RARCPQ6J.js";import"./chunk-ITRIRGKX.js";import"./chunk-KCTSCTSL.js";import"./chunk-OQPQXPV4.js";export{c as loadSmokeTests,b as parseSmokeTests,d as runSmokeTests,a as smokeTestSchema};
