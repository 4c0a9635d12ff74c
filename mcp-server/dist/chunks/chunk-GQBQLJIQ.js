import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e as a}from"./chunk-OQPQXPV4.js";a();var t=["shipgate.config.yaml",".claude/shipgate.yaml"];export{t as a};
