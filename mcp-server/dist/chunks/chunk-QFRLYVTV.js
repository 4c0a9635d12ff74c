import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
function r(o){let e=o.SHIPGATE_READ_ONLY?.trim().toLowerCase();return e==="1"||e==="true"||e==="yes"}export{r as a};
