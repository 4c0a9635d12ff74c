import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{f as n}from"./chunk-7SXAP3QO.js";async function s(r,i,t){let[e]=await n(r,[`${i}:${t.replace(/^\.\//,"")}`]);return e!==void 0&&e.trim()?e:void 0}export{s as a};
