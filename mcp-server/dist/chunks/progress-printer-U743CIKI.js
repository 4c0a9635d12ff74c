import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e as r}from"./chunk-OQPQXPV4.js";r();function d(e,n){let s=!!e.isTTY&&!n.CI,t="";return{update(o){let i=`[${o.index+1}/${o.total}] ${o.step}: ${o.message}`;if(s){t&&t!==o.step&&e.write(`
`);let l=e.columns??100;e.write(`\r\x1B[2K${i.slice(0,l-1)}`)}else e.write(`${i}
`);t=o.step},done(){s&&t&&e.write(`
`)}}}export{d as createProgressPrinter};
