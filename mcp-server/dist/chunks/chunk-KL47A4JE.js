import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e as o}from"./chunk-OQPQXPV4.js";o();function t(r){let e=r.SHIPGATE_READ_ONLY?.trim().toLowerCase();return e==="1"||e==="true"||e==="yes"}export{t as a};
