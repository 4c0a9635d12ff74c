import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-KIOQDVAH.js";import"./chunk-AHK5V45S.js";export{a as writeFileAtomic};
