import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-7NSD6RD3.js";import"./chunk-OQPQXPV4.js";export{a as DEFAULT_LEARNINGS_DIR,b as resolveStoreDir};
