import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-7ECDTRH5.js";import"./chunk-RARCPQ6J.js";import"./chunk-RIAGZ7YJ.js";import"./chunk-OQPQXPV4.js";export{b as evaluate,a as runHealthChecks};
