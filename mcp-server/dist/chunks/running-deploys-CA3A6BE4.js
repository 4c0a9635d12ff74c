import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-GFXGDWXI.js";import"./chunk-OQPQXPV4.js";export{b as isDeployRunningHere,a as trackDeploy,c as waitForDeploy};
