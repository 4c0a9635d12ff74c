import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-YOONHL3C.js";import"./chunk-OQPQXPV4.js";export{a as SHIPGATE_VERSION};
