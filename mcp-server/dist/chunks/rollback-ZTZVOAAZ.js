import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as i}from"./chunk-SXFJUKRQ.js";import{a as l}from"./chunk-VYZKFWJZ.js";import{c as a,d as s}from"./chunk-42NY72Z4.js";import"./chunk-TORWM5X5.js";import"./chunk-MPVA2EXV.js";import"./chunk-TYU4NPII.js";import"./chunk-4T5YWJOW.js";import"./chunk-AHK5V45S.js";var y={name:"rollback",summary:"Roll an environment back to the previous (or a named) version.",usage:"  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]",options:{env:{type:"string",default:"production"},to:{type:"string"},reason:{type:"string"},"dry-run":{type:"boolean"}},allowPositionals:!1,async run(r,o){let m=i(r,"production"),e=typeof r.values.reason=="string"?r.values.reason:"";e&&a(e,"--reason",s);let{runRollback:d}=await import("./rollback-FB7ZMHK4.js"),u=await l(o.cwd),n=await d({projectRoot:u,environment:m,...typeof r.values.to=="string"?{to:r.values.to}:{},reason:e,dryRun:r.values["dry-run"]===!0,now:o.now});if("dryRun"in n)return r.json?o.stdout.write(`${JSON.stringify({ok:!0,dryRun:!0,plan:n.plan},null,2)}
`):o.stdout.write(`Rollback plan for ${n.plan.environment}: ${n.plan.from?.tag??"unknown"} \u2192 ${n.plan.to.tag}
${n.plan.commands.map(t=>`  $ ${t.join(" ")}`).join(`
`)}
`),0;r.json?o.stdout.write(`${JSON.stringify({ok:n.status==="succeeded",status:n.status,from:n.plan.from??null,to:n.plan.to,verified:n.verified??null,record:n.record.files,...n.team?{team:n.team}:{}},null,2)}
`):(o.stdout.write(`${n.status==="succeeded"?"Rolled back":"Rollback FAILED verification"}: ${n.plan.environment} now on ${n.plan.to.tag}.
Record: ${n.record.files.markdown}
`),n.team&&"published"in n.team&&o.stdout.write(`Team history: ${n.team.published}
`)),n.team&&"warning"in n.team&&o.stderr.write(`WARNING: ${n.team.warning}
`);let{notifyWarnings:c}=await import("./notify-stakeholders-6CD7ATSX.js");for(let t of c(n.record))o.stderr.write(`WARNING: ${t}
`);return n.exitCode}};export{y as command};
