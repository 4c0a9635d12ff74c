import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
var p=(t,e)=>new Promise(r=>{if(e?.aborted||t<=0){r();return}let o=()=>{clearTimeout(n),e?.removeEventListener("abort",o),r()},n=setTimeout(o,t);e?.addEventListener("abort",o,{once:!0})}),a={now:()=>new Date,sleep:p,elapsed:()=>performance.now()};export{p as a,a as b};
