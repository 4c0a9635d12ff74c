import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-RJ2DWNBK.js";import"./chunk-OQPQXPV4.js";export{a as writeFileAtomic};
