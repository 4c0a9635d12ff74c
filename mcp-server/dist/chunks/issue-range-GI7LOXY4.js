import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-3SBZGX63.js";import"./chunk-GMT43W3S.js";import"./chunk-AHK5V45S.js";export{b as isRecordKeyIssue,a as issueRange,c as keyRange};
