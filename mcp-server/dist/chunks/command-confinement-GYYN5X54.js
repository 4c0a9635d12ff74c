import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b}from"./chunk-W5N7DS4J.js";import"./chunk-S5AGQLQW.js";import"./chunk-6QAXGSHS.js";import"./chunk-AHK5V45S.js";export{b as isHardened,a as projectCommandConfinement};
