import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a}from"./chunk-B45GX5WA.js";import"./chunk-AHK5V45S.js";export default a();
