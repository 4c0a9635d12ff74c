import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-57VFJHVM.js";import"./chunk-AHK5V45S.js";export{b as isDeployRunningHere,a as trackDeploy,c as waitForDeploy};
