import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import"./chunk-AHK5V45S.js";var t={name:"demo",summary:"Run the whole story on the built-in example in a temp folder.",usage:"  shipgate demo [--json]",options:{},allowPositionals:!1,async run(a,o){let{runDemo:e}=await import("./run-demo-DMFXORYI.js"),s=await e({say:n=>(a.json?o.stderr:o.stdout).write(`${n}
`),signal:o.signal});return a.json&&o.stdout.write(`${JSON.stringify({ok:!0,...s},null,2)}
`),s.canaryFailedRequests===0&&s.badReleaseExitCode===3?0:1}};export{t as command};
