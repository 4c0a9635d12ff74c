import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-6KAHBV5F.js";import"./chunk-AHK5V45S.js";export{a as DEFAULT_LEARNINGS_DIR,b as resolveStoreDir,c as storeDirFromConfig};
