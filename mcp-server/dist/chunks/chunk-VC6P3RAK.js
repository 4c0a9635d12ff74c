import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{d as n}from"./chunk-GQLLDYBJ.js";async function s(r,o,d){let e=(await n(r)).filter(t=>t.environment===o&&t.id!==d).at(-1);return e&&e.kind==="deploy"&&e.status==="aborted"&&!e.recovery?e:void 0}export{s as a};
