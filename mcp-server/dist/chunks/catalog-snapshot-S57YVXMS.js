import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{c as a,d as b,e as c}from"./chunk-RWV2OTCD.js";import"./chunk-7QP6HWEZ.js";import"./chunk-HAZZALVT.js";import"./chunk-TJM7NIE4.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";export{a as asCatalogSnapshot,c as readCatalogSnapshot,b as readSnapshot};
