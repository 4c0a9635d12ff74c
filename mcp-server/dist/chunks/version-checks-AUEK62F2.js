import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-JNRTOUUL.js";import"./chunk-OQPQXPV4.js";export{b as checksForVersion,a as checksVersion};
