import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,d as b,e as c,f as d}from"./chunk-XRCVYEMU.js";import"./chunk-JCSPTBAL.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-GMT43W3S.js";import"./chunk-AHK5V45S.js";export{b as MAX_SKILL_BYTES,a as detectKind,d as isBinary,c as loadSkillFile};
