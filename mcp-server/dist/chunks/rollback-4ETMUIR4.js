import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as r}from"./chunk-VYZKFWJZ.js";import"./chunk-TORWM5X5.js";import"./chunk-AHK5V45S.js";var l={name:"rollback",summary:"Roll an environment back to the previous (or a named) version.",usage:"  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]",options:{env:{type:"string",default:"production"},to:{type:"string"},reason:{type:"string"},"dry-run":{type:"boolean"}},allowPositionals:!1,async run(o,e){let{runRollback:t}=await import("./rollback-DZ4LLKCO.js"),a=await r(e.cwd),n=await t({projectRoot:a,environment:String(o.values.env??"production"),...typeof o.values.to=="string"?{to:o.values.to}:{},reason:typeof o.values.reason=="string"?o.values.reason:"",dryRun:o.values["dry-run"]===!0,now:e.now});return"dryRun"in n?(o.json?e.stdout.write(`${JSON.stringify({ok:!0,dryRun:!0,plan:n.plan},null,2)}
`):e.stdout.write(`Rollback plan for ${n.plan.environment}: ${n.plan.from?.tag??"unknown"} \u2192 ${n.plan.to.tag}
${n.plan.commands.map(s=>`  $ ${s.join(" ")}`).join(`
`)}
`),0):(o.json?e.stdout.write(`${JSON.stringify({ok:n.status==="succeeded",status:n.status,from:n.plan.from??null,to:n.plan.to,verified:n.verified??null,record:n.record.files,...n.team?{team:n.team}:{}},null,2)}
`):(e.stdout.write(`${n.status==="succeeded"?"Rolled back":"Rollback FAILED verification"}: ${n.plan.environment} now on ${n.plan.to.tag}.
Record: ${n.record.files.markdown}
`),n.team&&"published"in n.team&&e.stdout.write(`Team history: ${n.team.published}
`)),n.team&&"warning"in n.team&&e.stderr.write(`WARNING: ${n.team.warning}
`),n.exitCode)}};export{l as command};
