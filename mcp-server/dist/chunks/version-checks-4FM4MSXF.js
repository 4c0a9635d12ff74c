import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-NQON3WLH.js";import"./chunk-AHK5V45S.js";export{b as checksForVersion,a as checksVersion};
