import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import"./chunk-AHK5V45S.js";function l(e,r){let s=!!e.isTTY&&!r.CI,t="";return{update(o){let i=`[${o.index+1}/${o.total}] ${o.step}: ${o.message}`;if(s){t&&t!==o.step&&e.write(`
`);let n=e.columns??100;e.write(`\r\x1B[2K${i.slice(0,n-1)}`)}else e.write(`${i}
`);t=o.step},done(){s&&t&&e.write(`
`)}}}export{l as createProgressPrinter};
