import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-K4343H6J.js";import"./chunk-ZIXTM3LL.js";import"./chunk-TDSCXAWF.js";import"./chunk-AHK5V45S.js";export{a as readEnvironmentState,b as writeEnvironmentState};
