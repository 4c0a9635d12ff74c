import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e as t}from"./chunk-OQPQXPV4.js";t();
