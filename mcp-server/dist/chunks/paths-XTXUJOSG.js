import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-TEY2NUO5.js";import"./chunk-KCTSCTSL.js";import"./chunk-OQPQXPV4.js";export{a as resolveInsideProject};
