import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-CBP3U3C3.js";import"./chunk-AHK5V45S.js";export{a as SHIPGATE_VERSION};
