import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{f as r}from"./chunk-OWMXFHX7.js";import{e as n}from"./chunk-OQPQXPV4.js";n();async function a(i,t,d){let[e]=await r(i,[`${t}:${d.replace(/^\.\//,"")}`]);return e!==void 0&&e.trim()?e:void 0}export{a};
