import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{d as r}from"./chunk-IYB5WP6T.js";import{e as n}from"./chunk-OQPQXPV4.js";n();async function p(o,d,i){let e=(await r(o)).filter(t=>t.environment===d&&t.id!==i).at(-1);return e&&e.kind==="deploy"&&e.status==="aborted"&&!e.recovery?e:void 0}export{p as a};
