import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
var i=(o,e)=>new Promise(r=>{if(e?.aborted||o<=0){r();return}let t=()=>{clearTimeout(n),e?.removeEventListener("abort",t),r()},n=setTimeout(t,o);e?.addEventListener("abort",t,{once:!0})}),p={now:()=>new Date,sleep:i};export{i as a,p as b};
