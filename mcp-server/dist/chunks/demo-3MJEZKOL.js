import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{e}from"./chunk-OQPQXPV4.js";e();var m={name:"demo",summary:"Run the whole story on the built-in example in a temp folder.",usage:"  shipgate demo [--json]",options:{},allowPositionals:!1,async run(a,o){let{runDemo:n}=await import("./run-demo-YO3OD35L.js"),s=await n({say:t=>(a.json?o.stderr:o.stdout).write(`${t}
`),signal:o.signal});return a.json&&o.stdout.write(`${JSON.stringify({ok:!0,...s},null,2)}
`),s.canaryFailedRequests===0&&s.badReleaseExitCode===3?0:1}};export{m as command};
