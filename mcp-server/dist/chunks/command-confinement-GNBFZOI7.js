import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-37LPPXO3.js";import"./chunk-S5AGQLQW.js";import"./chunk-6QAXGSHS.js";import"./chunk-QKTWQ3PC.js";import"./chunk-AHK5V45S.js";export{b as codeThatRunsLater,c as isHardened,a as projectCommandConfinement};
