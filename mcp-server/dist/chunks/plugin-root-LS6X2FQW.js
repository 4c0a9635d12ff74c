import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-JDDDOASX.js";import"./chunk-OQPQXPV4.js";export{a as findPluginRoot};
