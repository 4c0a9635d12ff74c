import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as e}from"./chunk-2H2U5CIW.js";import"./chunk-NMGPS4VB.js";import"./chunk-TYU4NPII.js";import"./chunk-IF3WEIQG.js";import"./chunk-6WQYOEHN.js";import"./chunk-IW56FJZR.js";import"./chunk-B45GX5WA.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";var i={name:"rollback",summary:"Roll an environment back to the previous (or a named) version.",usage:"  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]",options:{env:{type:"string",default:"production"},to:{type:"string"},reason:{type:"string"},"dry-run":{type:"boolean"}},allowPositionals:!1,async run(n,r){let{runRollback:t}=await import("./rollback-SDXA2SGW.js"),a=await e(r.cwd),o=await t({projectRoot:a,environment:String(n.values.env??"production"),...typeof n.values.to=="string"?{to:n.values.to}:{},reason:typeof n.values.reason=="string"?n.values.reason:"",dryRun:n.values["dry-run"]===!0,now:r.now});return"dryRun"in o?(n.json?r.stdout.write(`${JSON.stringify({ok:!0,dryRun:!0,plan:o.plan},null,2)}
`):r.stdout.write(`Rollback plan for ${o.plan.environment}: ${o.plan.from?.tag??"unknown"} \u2192 ${o.plan.to.tag}
${o.plan.commands.map(s=>`  $ ${s.join(" ")}`).join(`
`)}
`),0):(n.json?r.stdout.write(`${JSON.stringify({ok:o.status==="succeeded",status:o.status,from:o.plan.from??null,to:o.plan.to,verified:o.verified??null,record:o.record.files},null,2)}
`):r.stdout.write(`${o.status==="succeeded"?"Rolled back":"Rollback FAILED verification"}: ${o.plan.environment} now on ${o.plan.to.tag}.
Record: ${o.record.files.markdown}
`),o.exitCode)}};export{i as command};
