import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as t}from"./chunk-PKRPBDYE.js";import{a}from"./chunk-VYZKFWJZ.js";import"./chunk-TORWM5X5.js";import"./chunk-MPVA2EXV.js";import"./chunk-TYU4NPII.js";import"./chunk-I5PELH3D.js";import"./chunk-AHK5V45S.js";var u={name:"rollback",summary:"Roll an environment back to the previous (or a named) version.",usage:"  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]",options:{env:{type:"string",default:"production"},to:{type:"string"},reason:{type:"string"},"dry-run":{type:"boolean"}},allowPositionals:!1,async run(r,o){let{runRollback:i}=await import("./rollback-3IMPBI76.js"),s=await a(o.cwd),n=await i({projectRoot:s,environment:t(r,"production"),...typeof r.values.to=="string"?{to:r.values.to}:{},reason:typeof r.values.reason=="string"?r.values.reason:"",dryRun:r.values["dry-run"]===!0,now:o.now});if("dryRun"in n)return r.json?o.stdout.write(`${JSON.stringify({ok:!0,dryRun:!0,plan:n.plan},null,2)}
`):o.stdout.write(`Rollback plan for ${n.plan.environment}: ${n.plan.from?.tag??"unknown"} \u2192 ${n.plan.to.tag}
${n.plan.commands.map(e=>`  $ ${e.join(" ")}`).join(`
`)}
`),0;r.json?o.stdout.write(`${JSON.stringify({ok:n.status==="succeeded",status:n.status,from:n.plan.from??null,to:n.plan.to,verified:n.verified??null,record:n.record.files,...n.team?{team:n.team}:{}},null,2)}
`):(o.stdout.write(`${n.status==="succeeded"?"Rolled back":"Rollback FAILED verification"}: ${n.plan.environment} now on ${n.plan.to.tag}.
Record: ${n.record.files.markdown}
`),n.team&&"published"in n.team&&o.stdout.write(`Team history: ${n.team.published}
`)),n.team&&"warning"in n.team&&o.stderr.write(`WARNING: ${n.team.warning}
`);let{notifyWarnings:l}=await import("./notify-stakeholders-KXHRLLFV.js");for(let e of l(n.record))o.stderr.write(`WARNING: ${e}
`);return n.exitCode}};export{u as command};
