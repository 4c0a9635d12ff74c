import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as H,b as F,c as Z,d as K,e as Y}from"./chunk-CYY77AM6.js";import{h as Je,i as ze}from"./chunk-TTGDU6HF.js";import{a as u}from"./chunk-2XU3HKCJ.js";import{a as ee}from"./chunk-JCSPTBAL.js";import{a as q}from"./chunk-BPZ4ZMUR.js";import{a as Q}from"./chunk-GMT43W3S.js";import{d as j}from"./chunk-AHK5V45S.js";var te={meta:{id:"frontmatter-yaml",description:"Frontmatter is valid YAML and a mapping of keys to values.",severity:"error",scope:"document",docs:{why:"Claude Code ignores a skill whose frontmatter does not parse: its name, description and tool limits are silently lost.",bad:`---
name: [deploy-production
description: Deploys.
---
`,good:`---
name: deploy-production
description: Deploys.
---
`}},check({document:t,report:n}){for(let o of t.problems)o.ruleId==="frontmatter-yaml"&&n({message:o.message,position:o.position,severity:o.severity})}};var _=/^[a-z0-9]+(?:-[a-z0-9]+)*$/,ie=/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,oe,ne=[];function x(t){let n=oe===t?ne:void 0;if(!n){n=[];let o=t.map(e=>({element:e,parent:null})).reverse();for(;o.length;){let e=o.pop();n.push(e);for(let i=e.element.children.length-1;i>=0;i-=1)o.push({element:e.element.children[i],parent:e.element})}oe=t,ne=n}return n}function $(t){let n=t.position;return{line:n.line,column:n.column,endLine:n.line,endColumn:n.column+t.name.length+1}}function p(t){return t.endLine===t.line?t:{...t,endLine:t.line,endColumn:t.column+1}}function R(t,n){let o=t.frontmatter;return o?.keys[n]??(o?p(o.position):{line:1,column:1,endLine:1,endColumn:1})}function k(t,n){return t.frontmatter?.values[n]??R(t,n)}function D(t){let n=t.split(/[\\/]/);return n[n.length-2]??""}function w(t){return t==null?"nothing":Array.isArray(t)?"a list":typeof t=="object"?"a mapping":typeof t=="string"?`the string ${JSON.stringify(t.length>60?`${t.slice(0,60)}\u2026`:t)}`:`${typeof t} ${String(t)}`}var U=["name","description","allowed-tools","disable-model-invocation","user-invocable","context","agent","model","argument-hint","when_to_use","hooks","license","metadata","version","compatibility"],We=["name","description","allowed-tools","argument-hint","model","disable-model-invocation","user-invocable","context","agent","hooks","when_to_use"],Xe=["name","description","tools","model","color","permissionMode","skills","hooks","disallowedTools","mcpServers"],He={skill:U,command:We,agent:Xe,reference:U,other:U},se={meta:{id:"frontmatter-unknown-key",description:"Frontmatter keys are ones Claude Code knows for this file kind (skill, command, agent).",severity:"warning",scope:"document",docs:{why:"Unknown keys are ignored silently; a misspelt `allowed-tools` leaves the skill with every tool allowed.",bad:`---
name: deploy
allowed_tools: Read
---
`,good:`---
name: deploy
allowed-tools: Read
---
`}},check({document:t,report:n}){let o=t.frontmatter;if(!o)return;let e=He[t.kind]??U;for(let i of Object.keys(o.data)){if(e.includes(i))continue;let s=u(i,e);n({message:`Unexpected frontmatter key "${i}", expected one of ${e.join(", ")}${s?` (did you mean "${s}"?)`:""}.`,position:o.keys[i],...s?{fix:{description:`rename to \`${s}\``,replacement:s}}:{}})}}};var re={meta:{id:"name-format",description:"The `name` is kebab-case, at most 64 characters, and equals the folder name of a skill.",severity:"error",scope:"document",docs:{why:"The name is how the skill is invoked and listed; a name that differs from its folder is rejected by the skill loaders.",bad:`---
# in skills/deploy-app/SKILL.md
name: Deploy_App
description: Deploys.
---
`,good:`---
# in skills/deploy-app/SKILL.md (the folder the docs test writes it to)
name: deploy-app
description: Deploys.
---
`}},check({document:t,report:n}){let o=t.frontmatter;if(!o||!("name"in o.data))return;let e=o.data.name,i=k(t,"name");if(typeof e!="string"){n({message:`Unexpected ${w(e)} for name, expected a kebab-case string.`,position:i});return}if(_.test(e))e.length>64&&n({message:`Unexpected name of ${e.length} characters, expected at most 64.`,position:i});else{let s=e.trim().replace(/([a-z0-9])([A-Z])/g,"$1-$2").toLowerCase().replace(/[^a-z0-9]+/g,"-").replace(/^-|-$/g,"");n({message:`Unexpected name "${e}", expected kebab-case (lowercase letters, digits and single hyphens).`,position:i,fix:{description:`rename to \`${s}\``,replacement:s}})}if(t.kind==="skill"){let s=D(t.path);s&&e!==s&&n({message:`Unexpected name "${e}", expected the skill folder name "${s}".`,position:i,fix:{description:`rename to \`${s}\``,replacement:s}})}}};var ae={meta:{id:"description-required",description:"Skills and agents have a non-empty string `description`; commands should have one.",severity:"error",scope:"document",docs:{why:"Without a description the model cannot tell when the skill applies, so it is never loaded on its own.",bad:`---
name: deploy-production
---
`,good:`---
name: deploy-production
description: Deploys to production behind a blocking gate. Use when releasing. Not for staging.
---
`}},check({document:t,report:n}){if(!["skill","agent","command"].includes(t.kind)||t.problems.some(i=>i.ruleId==="frontmatter-yaml"))return;let o=t.frontmatter?.data.description,e=t.kind==="command"?"warning":"error";o===void 0?n({message:`Unexpected ${t.frontmatter?"frontmatter":"file"} without description, expected a \`description:\` that says what the ${t.kind} does and when to use it.`,position:t.frontmatter?.keys.name??R(t,"description"),severity:e}):(typeof o!="string"||o.trim()==="")&&n({message:`Unexpected ${w(o)} for description, expected a non-empty string.`,position:t.frontmatter?.values.description,severity:e})}};var ce=1024,le={meta:{id:"description-length",description:"The `description` is at most 1024 characters.",severity:"error",scope:"document",docs:{why:'Descriptions are loaded into every session; loaders reject or cut long ones, losing the "when" and "not for" parts at the end.',bad:`---
name: deploy
description: ${"Deploys the service to production after the gate passes. ".repeat(19).trim()}
---
`,good:`---
name: deploy
description: Deploys to production. Use when releasing. Not for staging.
---
`}},check({document:t,report:n}){let o=t.frontmatter?.data.description;typeof o!="string"||o.length<=ce||n({message:`Unexpected description of ${o.length} characters, expected at most ${ce}.`,position:k(t,"description"),fix:{description:"move detail into the body and keep what/when/not-for in the description"}})}};var Ze=/^(?:i|i'm|i am|we|we're|you|your|let me|let's)\b/i,Qe=/\b(?:use (?:it |this )?when|when|whenever)\b/i,et=/\b(?:not for|not when|do not use|don't use|never use|not to be used)\b/i,de={meta:{id:"description-what-when-not",description:'A skill description is third person and has a "Use when" part and a "Not for" part.',severity:"warning",scope:"document",docs:{why:'The model chooses skills from their descriptions: without "when" it under-triggers, without "not for" it over-triggers.',bad:`---
name: deploy
description: I can help you deploy things.
---
`,good:`---
name: deploy
description: Deploys to production behind a blocking gate. Use when releasing to production. Not for staging deploys.
---
`}},check({document:t,report:n}){if(t.kind!=="skill")return;let o=t.frontmatter?.data.description;if(typeof o!="string"||o.trim()==="")return;let e=k(t,"description"),i=o.trim();Ze.test(i)&&n({message:`Unexpected "${i.split(/\s+/)[0]}" at the start of the description, expected the third person ("Deploys ...", not "I ..." or "You ...").`,position:e}),Qe.test(i)||n({message:'Unexpected description without a "when" part, expected e.g. "Use when releasing to production."',position:e,fix:{description:'add a sentence starting with "Use when"'}}),et.test(i)||n({message:'Unexpected description without a "not for" part, expected e.g. "Not for staging deploys."',position:e,fix:{description:'add a sentence starting with "Not for"'}})}};var tt=["disable-model-invocation","user-invocable"],pe={meta:{id:"frontmatter-boolean",description:"`disable-model-invocation` and `user-invocable` are typed booleans (true/false).",severity:"error",scope:"document",docs:{why:'A quoted "false" is a truthy string: the production deploy skill would be invocable by the model when it must not be.',bad:`---
name: deploy
disable-model-invocation: "true"
---
`,good:`---
name: deploy
disable-model-invocation: true
---
`}},check({document:t,report:n}){let o=t.frontmatter?.data;if(o)for(let e of tt){if(!(e in o)||typeof o[e]=="boolean")continue;let i=o[e],s=typeof i=="string"&&/^(?:true|yes|on)$/i.test(i.trim())?"true":typeof i=="string"&&/^(?:false|no|off)$/i.test(i.trim())?"false":void 0;n({message:`Unexpected ${w(i)} for ${e}, expected a boolean (true or false, unquoted).`,position:k(t,e),...s?{fix:{description:`write \`${s}\` unquoted`,replacement:s}}:{}})}}};var me=/^(?:mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?|[A-Z][A-Za-z0-9]*)(?:\([^()]*\))?$/;function ot(t){let n=[],o=0,e="";for(let i of t)i==="("&&(o+=1),i===")"&&(o-=1),o<=0&&(i===","||/\s/.test(i))?(e&&n.push(e),e="",o=Math.max(o,0)):e+=i;return e&&n.push(e),n}var ue={meta:{id:"allowed-tools-syntax",description:"`allowed-tools` lists tool names like `Read`, `Bash(git:*)` or `mcp__server__tool`.",severity:"error",scope:"document",docs:{why:"A malformed entry grants nothing (or the wrong thing): `bash(docker:*)` does not match the Bash tool, so the command prompts or fails mid-deploy.",bad:`---
name: deploy
allowed-tools: Read, bash(docker:*), Bash(kubectl:*
---
`,good:`---
name: deploy
allowed-tools: Read, Bash(docker:*), Bash(kubectl:*)
---
`}},check({document:t,report:n}){let o=t.frontmatter;if(o)for(let e of["allowed-tools","tools","disallowedTools"]){if(!(e in o.data))continue;let i=o.data[e],s=k(t,e),r=typeof i=="string"?ot(i):Array.isArray(i)?i:null;if(r===null){n({message:`Unexpected ${w(i)} for ${e}, expected a comma-separated string or a list of tool names.`,position:s});continue}let c;for(let a of r){if(typeof a=="string"&&me.test(a.trim()))continue;c??=t.text.split(`
`)[s.line-1]??"";let l=typeof a=="string"?a:w(a),d=c.indexOf(l,s.line===o.keys[e]?.line?s.column-1:0),h=d>=0&&s.line===s.endLine?{line:s.line,column:d+1,endLine:s.line,endColumn:d+1+l.length}:s,m=typeof a=="string"?a.charAt(0).toUpperCase()+a.slice(1)+(a.split("(").length>a.split(")").length?")":""):void 0;n({message:`Unexpected tool "${l}" in ${e}, expected \`Name\`, \`Name(specifier)\` with balanced parentheses, or \`mcp__server__tool\`.`,position:h,...m&&me.test(m)?{fix:{description:`write \`${m}\``,replacement:m}}:{}})}}}};var V=/\$(?:ARGUMENTS\b|\d\b)/g,fe={meta:{id:"argument-hint-consistency",description:"Files that use $ARGUMENTS/$1/$0 declare `argument-hint`, and files with a hint use arguments.",severity:"warning",scope:"document",docs:{why:"Without a hint the user does not know the command takes arguments; a hint with no use means typed arguments are silently dropped.",bad:`---
description: Deploy to an environment
---
Deploy to $ARGUMENTS now.
`,good:`---
description: Deploy to an environment
argument-hint: [environment]
---
Deploy to $ARGUMENTS now.
`}},check({document:t,report:n}){if(t.kind!=="command"&&t.kind!=="skill")return;let o=t.text,e=0;for(let r=t.frontmatter?t.frontmatter.position.endLine:0;r>0&&e!==-1;r-=1){let c=o.indexOf(`
`,e);e=c===-1?-1:c+1}V.lastIndex=0;let i=e===-1?null:(V.lastIndex=e,V.exec(o)),s=t.frontmatter?.data["argument-hint"];if(i&&s===void 0){let r=1,c=0;for(let d=o.indexOf(`
`);d!==-1&&d<i.index;d=o.indexOf(`
`,d+1))r+=1,c=d+1;let a=i.index-c+1,l=i[0];n({message:`Unexpected ${l} without an argument-hint, expected \`argument-hint: [...]\` in the frontmatter.`,position:{line:r,column:a,endLine:r,endColumn:a+l.length},fix:{description:"add `argument-hint: [arguments]` to the frontmatter"}})}else!i&&s!==void 0&&t.kind==="command"&&n({message:"Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.",position:R(t,"argument-hint")})}};var ge={meta:{id:"xml-well-formed",description:"XML blocks in the Markdown body are well formed (closed, properly nested, quoted attributes).",severity:"error",scope:"document",docs:{why:"An unclosed block swallows the rest of the file: checks after it are never run and the gate looks emptier than it is.",bad:`<safety_gate type="blocking">
<checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let o of t.problems)o.ruleId==="xml-well-formed"&&n({message:o.message,position:o.position,severity:o.severity})}};var nt=["mission_control","safety_gate","rollback_procedure","logic_flow","anti_patterns","critical_constraint","objective","quick_start","workflow","success_criteria","trigger_conditions","pitfall","purpose","context","example","examples","instructions","process"],it={mission_control:["objective","success_criteria"],safety_gate:["purpose","checks","gate_validation","check"],checks:["check"],check:["command","expected","verify","requirement","verification","failure_mode","timeout"],rollback_procedure:["purpose","trigger_conditions","steps"],trigger_conditions:["condition"],steps:["step"],step:["command","timeout","expected","investigation","actions"]},st=[/^step_\d+(?:_[a-z0-9_]+)?$/,/^[a-z0-9_]+_workflow$/],he={meta:{id:"xml-unknown-block",description:"XML blocks and their children are ones the shipgate skill language defines.",severity:"warning",scope:"document",docs:{why:"A misspelt control block is read as prose: a `<saftey_gate>` has no checks that run and blocks nothing.",bad:`<saftey_gate type="blocking">
</saftey_gate>
`,good:`<safety_gate type="blocking">
</safety_gate>
`}},check({document:t,report:n}){for(let{element:o,parent:e}of x(t.elements)){let i=e?it[e.name]:nt;if(!i||i.includes(o.name)||!e&&st.some(r=>r.test(o.name)))continue;let s=u(o.name,i);n({message:`Unexpected <${o.name}>${e?` inside <${e.name}>`:""}, expected one of ${i.map(r=>`<${r}>`).join(", ")}${s?` (did you mean <${s}>?)`:""}.`,position:$(o),...s?{fix:{description:`rename to <${s}>`,replacement:s}}:{}})}}};var ye={meta:{id:"gate-has-checks",description:"A `<safety_gate>` is typed blocking/advisory and contains at least one `<check>`.",severity:"error",scope:"document",docs:{why:'A gate without checks always passes: the deploy would be "gated" by nothing.',bad:`<safety_gate type="blocking" phase="pre_deployment">
<purpose>Stop bad deploys</purpose>
</safety_gate>
`,good:`<safety_gate type="blocking" phase="pre_deployment">
<purpose>Stop bad deploys</purpose>
<checks>
<check id="tests_pass">
<command>npm test</command>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let{element:o}of x(t.elements)){if(o.name!=="safety_gate")continue;let e=o.attributes.type;e!=="blocking"&&e!=="advisory"&&n({message:`Unexpected ${e===void 0?"safety_gate without type":`type "${e}"`}, expected type="blocking" or type="advisory".`,position:o.attributePositions.type??$(o)})}for(let o of t.model.safetyGates)o.checks.length===0&&n({message:'Unexpected safety_gate without checks, expected at least one <check id="..."> inside <checks>.',position:p(o.position)})}};var ke={meta:{id:"check-id-format",description:"Every `<check>` has an `id` in snake_case.",severity:"error",scope:"document",docs:{why:"The id is typed on the command line (`shipgate attest tests_pass`) and stored in receipts; spaces, capitals and hyphens break both.",bad:`<safety_gate type="blocking">
<checks>
<check id="Tests-Pass">
<command>npm test</command>
</check>
</checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<command>npm test</command>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let o of t.model.safetyGates)for(let e of o.checks){if(ie.test(e.id))continue;let i=e.id.replace(/([a-z0-9])([A-Z])/g,"$1_$2").toLowerCase().replace(/[^a-z0-9]+/g,"_").replace(/^_+|_+$/g,"");n({message:e.id===""?'Unexpected check without id, expected id="snake_case_name".':`Unexpected check id "${e.id}", expected snake_case (e.g. "${i||"tests_pass"}").`,position:p(e.position),...i?{fix:{description:`rename to \`${i}\``,replacement:i}}:{}})}}};var be={meta:{id:"check-id-unique",description:"Check ids are unique within a skill.",severity:"error",scope:"document",docs:{why:"Results, receipts and attestations are stored by check id; a duplicate makes one result stand for two checks.",bad:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<command>npm test</command>
</check>
<check id="tests_pass">
<command>npm run e2e</command>
</check>
</checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<command>npm test</command>
</check>
<check id="e2e_pass">
<command>npm run e2e</command>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){let o=new Map;for(let e of t.model.safetyGates)for(let i of e.checks){if(i.id==="")continue;let s=o.get(i.id);s===void 0?o.set(i.id,i.position.line):n({message:`Unexpected duplicate check id "${i.id}" (first at line ${s}), expected each id once per skill.`,position:p(i.position)})}}};var we={meta:{id:"check-decider",description:"Each check has exactly one decider: command, verify, or requirement+verification (attestation, warned).",severity:"error",scope:"document",docs:{why:"A check with no decider cannot pass or fail; with two, the runner and the reader disagree on what passing means. Prose-only checks need a named human to attest them.",bad:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<failure_mode>BLOCK deployment</failure_mode>
</check>
</checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<command>npm test</command>
<expected>Exit code 0</expected>
<failure_mode>BLOCK deployment</failure_mode>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let o of t.model.safetyGates)for(let e of o.checks){let i=p(e.position),s=e.deciders.map(r=>r.kind);e.deciders.length===0?n({message:`Unexpected check "${e.id}" without a decider, expected <command>, <verify kind="..."/> or <requirement> + <verification>.`,position:i}):e.deciders.length>1?n({message:`Unexpected ${e.deciders.length} deciders (${s.join(", ")}) in check "${e.id}", expected exactly one.`,position:i,fix:{description:"keep one of <command>, <verify> or <requirement>+<verification>"}}):s[0]==="attestation"&&n({message:`Unexpected prose-only check "${e.id}": it needs a human attestation (\`shipgate attest ${e.id} --by NAME --evidence TEXT\`), expected a <command> or <verify> where a machine can decide.`,position:i,severity:"warning"})}}};var G=[{kind:"command",summary:"runs a repository command; passes on exit code 0 (or `exit_code`)",required:[],optional:["exit_code","timeout","output_contains"],text:"required",example:'<verify kind="command" timeout="10m">npm test</verify>'},{kind:"file-exists",summary:"a file matching a glob exists; YYYY, MM, DD and YYYY-MM-DD are replaced with today's date",required:["path"],optional:["min_size"],example:'<verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/>'},{kind:"file-age",summary:"the newest file matching a glob is younger than max_age",required:["path","max_age"],optional:[],example:'<verify kind="file-age" path="backups/*.log" max_age="24h"/>'},{kind:"state",summary:"a key path in a YAML/JSON state file equals a value (or is in a list)",required:["key"],optional:["file","equals","in"],example:'<verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>'},{kind:"git-clean",summary:"the working tree has no uncommitted changes",required:[],optional:["allow_untracked"],example:'<verify kind="git-clean"/>'},{kind:"git-branch",summary:"HEAD is on the named branch (or one of a comma list / glob)",required:["branch"],optional:[],example:'<verify kind="git-branch" branch="main"/>'},{kind:"http",summary:"an HTTP GET answers with the status (and body text) expected",required:["url"],optional:["status","body_contains","timeout","method"],example:'<verify kind="http" url="{url}/health" status="200"/>'},{kind:"deploy-window",summary:"now is inside the project's deployment window policy (deny days/hours, holidays)",required:[],optional:[],example:'<verify kind="deploy-window"/>'},{kind:"attestation",summary:"a named human confirms; who, when and evidence are recorded",required:[],optional:["role","prompt","max_age"],example:'<verify kind="attestation" role="reviewer" prompt="Recent commits reviewed and approved"/>'}],E=G.map(t=>t.kind),B=["BLOCK deployment","block","warn","WARN"];function P(t){let n=[];for(let o of t.model.safetyGates)for(let e of o.checks)for(let i of e.deciders)i.kind==="verify"&&n.push(i.verify);return n}var xe={meta:{id:"verify-kind-known",description:"`<verify kind>` is one of the kinds shipgate implements.",severity:"error",scope:"document",docs:{why:"The gate runner refuses a kind it does not know, so a typo turns a machine check into a permanent block.",bad:`<safety_gate type="blocking">
<checks>
<check id="plan_written">
<verify kind="file_exist" path="docs/plan.md"/>
</check>
</checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
<check id="plan_written">
<verify kind="file-exists" path="docs/plan.md"/>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let o of P(t)){if(E.includes(o.kind))continue;let e=u(o.kind,E);n({message:`Unexpected verify kind "${o.kind}", expected one of ${E.join(", ")}${e?` (did you mean "${e}"?)`:""}.`,position:p(o.position),...e?{fix:{description:`use kind="${e}"`,replacement:e}}:{}})}}};var ve={meta:{id:"verify-attributes",description:"A `<verify>` has the attributes its kind requires and no unknown ones.",severity:"error",scope:"document",docs:{why:"A verify without its required attribute cannot be evaluated and blocks the gate at deploy time instead of at lint time.",bad:`<safety_gate type="blocking">
<checks>
<check id="backups_current">
<verify kind="file-age" path="backups/*.log"/>
</check>
</checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
<check id="backups_current">
<verify kind="file-age" path="backups/*.log" max_age="24h"/>
</check>
</checks>
</safety_gate>
`}},check({document:t,report:n}){for(let o of P(t)){let e=G.find(r=>r.kind===o.kind);if(!e)continue;let i=p(o.position),s=["kind",...e.required,...e.optional];for(let r of e.required)o.attributes[r]===void 0&&n({message:`Unexpected verify kind="${e.kind}" without ${r}, expected ${r}="..." (e.g. ${e.example}).`,position:i});for(let r of Object.keys(o.attributes)){if(s.includes(r))continue;let c=u(r,s);n({message:`Unexpected attribute ${r} on verify kind="${e.kind}", expected one of ${s.join(", ")}${c?` (did you mean ${c}?)`:""}.`,position:i,severity:"warning"})}e.text==="required"&&o.text.trim()===""&&n({message:`Unexpected empty verify kind="${e.kind}", expected its text (e.g. ${e.example}).`,position:i})}}};var _e={meta:{id:"failure-mode-known",description:"`<failure_mode>` is one of the modes the gate runner understands.",severity:"error",scope:"document",docs:{why:"An unknown failure mode leaves it unclear whether a failing check blocks the deploy.",bad:`<check id="tests_pass">
<command>npm test</command>
<failure_mode>stop everything</failure_mode>
</check>
`,good:`<check id="tests_pass">
<command>npm test</command>
<failure_mode>BLOCK deployment</failure_mode>
</check>
`}},check({document:t,report:n}){for(let{element:o}of x(t.elements)){if(o.name!=="failure_mode")continue;let e=o.text.trim();B.includes(e)||n({message:`Unexpected failure mode "${e}", expected one of ${B.map(i=>`"${i}"`).join(", ")}.`,position:o.position})}}};var rt=["timeout","max_age","for"],$e={meta:{id:"duration-format",description:"Timeouts, `max_age` and `for=` durations parse (30s, 5m, 24h, 1h30m, 120 seconds).",severity:"error",scope:"document",docs:{why:"A duration that does not parse falls back to a default nobody chose: a rollback step could wait forever or give up at once.",bad:`<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<timeout>a while</timeout>
</step>
`,good:`<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<timeout>30 seconds</timeout>
</step>
`}},check({document:t,report:n}){for(let{element:o}of x(t.elements)){o.name==="timeout"&&q(o.text)===void 0&&n({message:`Unexpected timeout "${o.text.trim()}", expected a duration like 30s, 5m, 1h30m or 120 seconds.`,position:o.position});for(let e of rt){let i=o.attributes[e];i===void 0||q(i)!==void 0||n({message:`Unexpected ${e}="${i}" on <${o.name}>, expected a duration like 30s, 5m, 24h or 1h30m.`,position:o.attributePositions[e]??$(o)})}}}};var Re={meta:{id:"rollback-steps-sequential",description:"Sequential rollback steps are numbered 1..n in order.",severity:"error",scope:"document",docs:{why:'Rollback runs under pressure; a skipped or swapped number is how a "verify rollback" step gets lost.',bad:`<rollback_procedure>
<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
<step id="3" action="verify">
<command>kubectl rollout status deployment/app</command>
</step>
</steps>
</rollback_procedure>
`,good:`<rollback_procedure>
<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
<step id="2" action="verify">
<command>kubectl rollout status deployment/app</command>
</step>
</steps>
</rollback_procedure>
`}},check({document:t,report:n}){for(let o of t.model.rollbackProcedures)o.sequential&&o.steps.forEach((e,i)=>{let s=i+1;e.number!==s&&n({message:`Unexpected step id "${e.id}", expected "${s}" (sequential steps are numbered 1..n in order).`,position:p(e.position),fix:{description:`renumber to ${s}`,replacement:String(s)}})})}};var Se={meta:{id:"rollback-step-action",description:"Each rollback step has a `<command>`, `<actions>` or `<investigation>`.",severity:"error",scope:"document",docs:{why:"The rollback runner executes commands and prints actions; a step with neither silently does nothing during an incident.",bad:`<rollback_procedure>
<steps sequential="true">
<step id="1" action="immediate_rollback">
<expected>Previous version restored</expected>
</step>
</steps>
</rollback_procedure>
`,good:`<rollback_procedure>
<steps sequential="true">
<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<expected>Previous version restored</expected>
</step>
</steps>
</rollback_procedure>
`}},check({document:t,report:n}){for(let o of t.model.rollbackProcedures)for(let e of o.steps)(e.command??"").trim()||e.actions.length>0||(e.investigation??"").trim()||n({message:`Unexpected rollback step "${e.id}" with nothing to do, expected a <command>, <actions> or <investigation>.`,position:p(e.position)})}};var je={meta:{id:"rollback-triggers-present",description:"A rollback procedure has at least one trigger condition.",severity:"error",scope:"document",docs:{why:"Without triggers the automatic rollback never fires: the monitor has nothing to watch.",bad:`<rollback_procedure>
<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
</steps>
</rollback_procedure>
`,good:`<rollback_procedure>
<trigger_conditions>
<condition metric="error_rate" above="0.05" for="2m">Error rate above 5% for 2 minutes</condition>
</trigger_conditions>
<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
</steps>
</rollback_procedure>
`}},check({document:t,report:n}){for(let o of t.model.rollbackProcedures)o.triggerConditions.length>0||n({message:"Unexpected rollback_procedure without trigger conditions, expected <trigger_conditions> with at least one <condition>.",position:p(o.position)})}};var De={meta:{id:"trigger-vocabulary",description:"Rollback trigger conditions use the metrics, events and units the monitor knows.",severity:"error",scope:"document",docs:{why:"The skill's trigger conditions drive the deploy monitor; an unknown metric or a percentage written as 5 instead of 0.05 would never (or always) fire.",bad:`<rollback_procedure>
<trigger_conditions>
<condition metric="eror_rate" above="5" for="2m">Error rate above 5%</condition>
<condition event="migration_failure">Migrations failed</condition>
</trigger_conditions>
</rollback_procedure>
`,good:`<rollback_procedure>
<trigger_conditions>
<condition metric="error_rate" above="0.05" for="2m">Error rate above 5%</condition>
<condition event="migration_failure" command="npm run -s migrate:status">Migrations failed</condition>
</trigger_conditions>
</rollback_procedure>
`}},check({document:t,report:n}){for(let o of t.model.rollbackProcedures)for(let e of o.triggerConditions){let i=s=>e.attributePositions?.[s]??p(e.position);if(e.metric!==void 0&&!e.metric.startsWith(F)){let s=H[e.metric];if(!s){let r=u(e.metric,K);n({message:`Unexpected trigger metric "${e.metric}", expected one of ${K.join(", ")} or ${F}<query name>${r?` (did you mean "${r}"?)`:""}.`,position:i("metric"),...r?{fix:{description:`use metric="${r}"`,replacement:r}}:{}});continue}e.below!==void 0&&n({message:`Unexpected below= on metric "${e.metric}", expected above= (the monitor rolls back when it rises).`,position:i("below")}),e.above!==void 0&&!s.above&&n({message:`Unexpected above= on metric "${e.metric}", expected only for= (it has no threshold).`,position:i("above")}),e.forMs!==void 0&&!s.for&&n({message:`Unexpected for= on metric "${e.metric}", expected none (it is judged on every tick).`,position:i("for")}),e.above!==void 0&&s.above?.unit==="fraction"&&(e.above<0||e.above>1)&&n({message:`Unexpected above="${e.above}" on metric "${e.metric}", expected a fraction between 0 and 1 (5% is 0.05).`,position:i("above")}),e.above!==void 0&&s.above?.unit==="count"&&(!Number.isInteger(e.above)||e.above<1)&&n({message:`Unexpected above="${e.above}" on metric "${e.metric}", expected a whole number of ticks (1 or more).`,position:i("above")})}if(e.event!==void 0){let s=Z[e.event];if(s)s.needsSignal&&!e.command?.trim()&&n({message:`Unexpected event "${e.event}" without a signal, expected command="..." (a repository command that exits non-zero when it happened).`,position:i("event")});else{let r=u(e.event,Y);n({message:`Unexpected trigger event "${e.event}", expected one of ${Y.join(", ")}${r?` (did you mean "${r}"?)`:""}.`,position:i("event")})}}}}};var Ue={meta:{id:"logic-flow-parses",description:"`<logic_flow>` contains a Graphviz digraph that parses.",severity:"error",scope:"document",docs:{why:"A flow that does not parse cannot be checked for reachability or a rollback path, and renders as nothing.",bad:`<logic_flow>
digraph Deploy {
  Verify -> ;
}
</logic_flow>
`,good:`<logic_flow>
digraph Deploy {
  Verify -> Success;
  Verify -> Rollback;
}
</logic_flow>
`}},check({document:t,report:n}){for(let o of t.model.logicFlows)o.error?n({message:o.error.message,position:o.error.position}):o.nodes.length===0&&o.edges.length===0&&n({message:"Unexpected empty logic_flow, expected a `digraph Name { A -> B; }`.",position:p(o.position)})}};var Ee={meta:{id:"logic-flow-edges-declared",description:"Edges of a logic flow name nodes declared in the graph (DOT allows implicit nodes, so this warns).",severity:"warning",scope:"document",docs:{why:"A misspelt node name silently creates a second node and breaks the path the flow is meant to show.",bad:`<logic_flow>
digraph Deploy {
  Verify [label="Verify"];
  Success [label="Success"];
  Verfy -> Success;
}
</logic_flow>
`,good:`<logic_flow>
digraph Deploy {
  Verify [label="Verify"];
  Success [label="Success"];
  Verify -> Success;
}
</logic_flow>
`}},check({document:t,report:n}){for(let o of t.model.logicFlows){if(o.error||o.nodes.length===0)continue;let e=new Set(o.nodes.filter(s=>!at(s,o.edges)).map(s=>s.id));if(e.size===0)continue;let i=new Set;for(let s of o.edges)for(let r of[s.from,s.to])e.has(r)||i.has(r)||(i.add(r),n({message:`Unexpected undeclared node "${r}" in an edge, expected a declared node (${[...e].slice(0,8).join(", ")}).`,position:s.position}))}}};function at(t,n){return Object.keys(t.attributes).length===0&&n.some(o=>o.position.line===t.position.line&&o.position.column<=t.position.column)}function A(t){let n=[],o=new Set,e=r=>{o.has(r)||(o.add(r),n.push(r))},i=t.nodes[0],s=t.edges[0];s&&(!i||ct(s.position,i.position))&&e(s.from);for(let r of t.nodes)e(r.id);for(let r of t.edges)e(r.from),e(r.to);return n}function ct(t,n){return t.line<n.line||t.line===n.line&&t.column<n.column}function L(t,n){let o=new Map;for(let s of t.edges){let r=o.get(s.from);r?r.push(s.to):o.set(s.from,[s.to])}let e=new Set([n]),i=[n];for(let s=0;s<i.length;s+=1){let r=o.get(i[s]);if(r)for(let c of r)e.has(c)||(e.add(c),i.push(c))}return e}function Pe(t,n,o){let e=t.nodes.find(i=>i.id===n)?.label??"";return n.toLowerCase().includes(o)||e.toLowerCase().includes(o)}var Ae={meta:{id:"logic-flow-reachable",description:"Every node of a logic flow is reachable from its first node.",severity:"error",scope:"document",docs:{why:'An unreachable node is a step (often "Verify" or "Backup") that no path executes.',bad:`<logic_flow>
digraph Deploy {
  Start -> Success;
  Start -> Rollback;
  Backup [label="Backup database"];
}
</logic_flow>
`,good:`<logic_flow>
digraph Deploy {
  Start -> Backup;
  Backup -> Success;
  Backup -> Rollback;
}
</logic_flow>
`}},check({document:t,report:n}){for(let o of t.model.logicFlows){if(o.error)continue;let e=A(o),i=e[0];if(i===void 0)continue;let s=L(o,i);for(let r of e){if(s.has(r))continue;let c=o.nodes.find(a=>a.id===r)?.position??o.edges.find(a=>a.from===r||a.to===r)?.position??o.position;n({message:`Unexpected unreachable node "${r}", expected every node to be reachable from "${i}".`,position:c})}}}};var Le={meta:{id:"logic-flow-terminals",description:"A logic flow has a path from its first node to a success node and to a rollback node.",severity:"error",scope:"document",docs:{why:"The flow must show both outcomes: a deploy that can only succeed has no documented way back.",bad:`<logic_flow>
digraph Deploy {
  Verify -> Deploy;
  Deploy -> Success;
}
</logic_flow>
`,good:`<logic_flow>
digraph Deploy {
  Verify -> Deploy;
  Deploy -> Success;
  Deploy -> Rollback;
}
</logic_flow>
`}},check({document:t,report:n}){for(let o of t.model.logicFlows){if(o.error)continue;let e=A(o)[0];if(e===void 0)continue;let i=[...L(o,e)];for(let s of["success","rollback"])i.some(r=>Pe(o,r,s))||n({message:`Unexpected logic_flow without a path from "${e}" to a ${s} node, expected a node whose id or label contains "${s}".`,position:p(o.position),fix:{description:`add e.g. \`Deploy -> ${s==="success"?"Success":"Rollback"};\``}})}}};import{dirname as lt,resolve as dt}from"node:path";var Te={meta:{id:"links-resolve",description:"Relative Markdown links and `references/...` mentions resolve to existing files.",severity:"error",scope:"project",docs:{why:"Progressive disclosure only works when the referenced file exists; otherwise the agent reads a 404 in the middle of a deploy.",bad:`Details in [the checklist](references/missing-checklist.md).
`,good:`Details in [the checklist](#checklist) below.

## Checklist

- The smoke test passed.
`}},check(t){for(let n of t.facts)for(let o of n.links){let e=dt(lt(n.path),o.target);t.exists(e)||t.report(n.path,{message:`Unexpected link to "${o.target}", expected an existing file (${e} does not exist).`,position:o.position})}}};import{join as pt}from"node:path";var J=["gate_check","gate_attest","version_bump","deploy","rollback","health_check","deployment_status","runbook_generate","learnings_get","learnings_record","validate_skills"],Me={meta:{id:"command-references",description:"Skills named via the Skill tool and `mcp__plugin_shipgate_shipgate__*` tools exist.",severity:"error",scope:"project",docs:{why:"A command that calls a tool or skill that does not exist makes the agent improvise, which is exactly the ungated path.",bad:`---
description: Ship to production
---
Call \`mcp__plugin_shipgate_shipgate__gate_run\` first.
`,good:`---
description: Ship to production
---
Call \`mcp__plugin_shipgate_shipgate__gate_check\` first.
`}},check(t){let n=new Set;for(let o of t.facts)o.kind==="skill"&&(n.add(D(o.path)),o.name&&n.add(o.name));for(let o of t.facts)for(let e of o.references){if(e.kind==="tool"){if(J.includes(e.name))continue;let r=u(e.name,J);t.report(o.path,{message:`Unexpected MCP tool "${e.name}", expected one of ${J.join(", ")}${r?` (did you mean "${r}"?)`:""}.`,position:e.position,...r?{fix:{description:`use ${r}`,replacement:r}}:{}});continue}let i=e.name.replace(/^[a-z0-9-]+:/,"");if(n.has(i)||t.root!==null&&t.exists(pt(t.root,"skills",i,"SKILL.md"))||n.size===0&&t.root===null)continue;let s=u(i,[...n]);t.report(o.path,{message:`Unexpected skill "${e.name}", expected a skill of this plugin${n.size?` (${[...n].slice(0,8).join(", ")})`:""}${s?`; did you mean "${s}"?`:""}.`,position:e.position})}}};var Oe=j(Je(),1),Ce=j(ze(),1);var b=j(Q(),1);function Ne(t){let n=new ee(t),o=new Map,e=new Map,i;try{i=JSON.parse(t)}catch(c){let a=c.message,l=/position (\d+)/.exec(a),d=/line (\d+) column (\d+)/.exec(a),h=d?{line:Number(d[1]),column:Number(d[2]),endLine:Number(d[1]),endColumn:Number(d[2])+1}:n.position(l?Number(l[1]):Math.max(0,t.length-1),(l?Number(l[1]):t.length-1)+1);return{value:void 0,keys:o,values:e,error:{message:a.replace(/^(?:Unexpected|SyntaxError:)\s*/,"Unexpected "),position:h}}}let s=(0,b.parseDocument)(t,{uniqueKeys:!1,strict:!1}),r=(c,a)=>{if((0,b.isNode)(c))if(c.range&&e.set(a,n.position(c.range[0],c.range[1])),(0,b.isMap)(c))for(let l of c.items){if(!(0,b.isScalar)(l.key))continue;let d=a===""?T(String(l.key.value)):`${a}/${T(String(l.key.value))}`;l.key.range&&o.set(d,n.position(l.key.range[0],l.key.range[1])),r(l.value,d)}else(0,b.isSeq)(c)&&c.items.forEach((l,d)=>r(l,a===""?String(d):`${a}/${d}`))};return r(s.contents,""),{value:i,keys:o,values:e}}function T(t){return t.replace(/~/g,"~0").replace(/\//g,"~1")}function f(t,n){for(let o=n.length;o>=0;o-=1){let e=n.slice(0,o).map(s=>T(String(s))).join("/"),i=t.keys.get(e)??t.values.get(e);if(i)return i}return{line:1,column:1,endLine:1,endColumn:1}}function g(t,n){let o=n.map(e=>T(String(e))).join("/");return t.values.get(o)??f(t,n)}import{basename as M,dirname as z}from"node:path";function mt(t){let n=M(t),o=M(z(t));if(n==="plugin.json"&&o===".claude-plugin")return"plugin";if(n==="marketplace.json")return"marketplace";if(n==="hooks.json")return"hooks";if(n===".mcp.json")return"mcp"}function v(t,n){let o=[];for(let e of t.files){if(e.type!=="json"||mt(e.path)!==n)continue;let i=t.readText(e.path);if(i===void 0)continue;let s=Ne(i);if(s.error){t.report(e.path,{message:`${s.error.message}, expected valid JSON.`,position:s.error.position});continue}if(typeof s.value!="object"||s.value===null||Array.isArray(s.value)){t.report(e.path,{message:"Unexpected JSON value at the top level, expected an object.",position:{line:1,column:1}});continue}o.push({path:e.path,json:s,data:s.value})}return o}function N(t){let n=z(t);return M(n)===".claude-plugin"||M(n)==="hooks"?z(n):n}function O(t,n){let o=[],e=/["']?(\$\{CLAUDE_PLUGIN_ROOT\}[^\s"']*)["']?/g;for(let i=e.exec(t);i;i=e.exec(t))o.push({written:i[1],resolved:i[1].replace("${CLAUDE_PLUGIN_ROOT}",n)});return o}var ut=["commands","agents","skills","hooks","mcpServers","outputStyles","lspServers"],Ie={meta:{id:"plugin-manifest",description:"`.claude-plugin/plugin.json`: kebab-case name, semver version, author object, keywords array, `./` component paths.",severity:"error",scope:"project",docs:{why:"Claude Code refuses to install a plugin whose manifest is malformed, and resolves component paths only when they are relative to the plugin root.",bad:`{
  "name": "Ship Gate",
  "version": "1.0",
  "author": "me",
  "commands": "commands/"
}
`,good:`{
  "name": "shipgate",
  "version": "1.0.0",
  "author": { "name": "me" },
  "commands": "./commands/"
}
`,language:"json"}},check(t){for(let{path:n,json:o,data:e}of v(t,"plugin")){let i=(...r)=>g(o,r);if((typeof e.name!="string"||!_.test(e.name))&&t.report(n,{message:`Unexpected name ${JSON.stringify(e.name??null)}, expected a kebab-case string.`,position:e.name===void 0?f(o,[]):i("name")}),e.version!==void 0&&(typeof e.version!="string"||(0,Oe.default)(e.version)===null)){let r=typeof e.version=="string"?(0,Ce.default)(e.version)?.version:void 0;t.report(n,{message:`Unexpected version ${JSON.stringify(e.version)}, expected a semantic version like "1.0.0".`,position:i("version"),...r?{fix:{description:`use "${r}"`,replacement:JSON.stringify(r)}}:{}})}let s=e.author;s!==void 0&&(typeof s!="object"||s===null||Array.isArray(s)||typeof s.name!="string")&&t.report(n,{message:`Unexpected author ${JSON.stringify(s)}, expected an object with a name: { "name": "..." }.`,position:i("author")}),e.keywords!==void 0&&(!Array.isArray(e.keywords)||e.keywords.some(r=>typeof r!="string"))&&t.report(n,{message:`Unexpected keywords ${JSON.stringify(e.keywords)}, expected an array of strings.`,position:i("keywords")});for(let r of ut){let c=e[r];(typeof c=="string"?[c]:Array.isArray(c)?c:[]).forEach((l,d)=>{typeof l!="string"||l.startsWith("./")||t.report(n,{message:`Unexpected ${r} path "${l}", expected a path starting with "./" (relative to the plugin root).`,position:typeof c=="string"?i(r):i(r,d),fix:{description:`write "./${l.replace(/^\/+/,"")}"`}})})}}}};import{resolve as ft,dirname as C,basename as gt}from"node:path";var qe={meta:{id:"marketplace-manifest",description:"`marketplace.json`: kebab-case name, owner object, plugins with name and an existing `./` source.",severity:"error",scope:"project",docs:{why:"A marketplace entry without a valid source cannot be installed: `/plugin install` fails after the user already added the marketplace.",bad:`{
  "name": "shipgate",
  "plugins": [
    { "name": "shipgate" }
  ]
}
`,good:`{
  "name": "shipgate",
  "owner": { "name": "me" },
  "plugins": [
    { "name": "shipgate", "source": "./" }
  ]
}
`,language:"json"}},check(t){for(let{path:n,json:o,data:e}of v(t,"marketplace")){let i=gt(C(n))===".claude-plugin"?C(C(n)):C(n);(typeof e.name!="string"||!_.test(e.name))&&t.report(n,{message:`Unexpected name ${JSON.stringify(e.name??null)}, expected a kebab-case string.`,position:g(o,["name"])});let s=e.owner;if((typeof s!="object"||s===null||typeof s.name!="string")&&t.report(n,{message:`Unexpected owner ${JSON.stringify(e.owner??null)}, expected an object with a name: { "name": "..." }.`,position:f(o,["owner"])}),!Array.isArray(e.plugins)||e.plugins.length===0){t.report(n,{message:'Unexpected marketplace without plugins, expected "plugins": [{ "name": ..., "source": "./" }].',position:f(o,["plugins"])});continue}e.plugins.forEach((r,c)=>{let a=typeof r=="object"&&r!==null?r:{};(typeof a.name!="string"||!_.test(a.name))&&t.report(n,{message:`Unexpected plugin name ${JSON.stringify(a.name??null)}, expected a kebab-case string.`,position:f(o,["plugins",c,"name"])});let l=a.source;typeof l=="string"?!l.startsWith("./")&&!/^[a-z]+:|^[\w.-]+\/[\w.-]+$/i.test(l)?t.report(n,{message:`Unexpected source "${l}", expected a path starting with "./", a GitHub "owner/repo", or a source object.`,position:g(o,["plugins",c,"source"])}):l.startsWith("./")&&!t.exists(ft(i,l))&&t.report(n,{message:`Unexpected source "${l}": no such folder, expected an existing plugin folder relative to the marketplace root.`,position:g(o,["plugins",c,"source"])}):(typeof l!="object"||l===null)&&t.report(n,{message:'Unexpected plugin without source, expected "source": "./" or a source object.',position:f(o,["plugins",c,"source"])})})}}};var W=["PreToolUse","PostToolUse","PostToolUseFailure","PermissionRequest","UserPromptSubmit","Notification","Stop","SubagentStart","SubagentStop","SessionStart","SessionEnd","PreCompact"],Fe=["command","prompt","agent"],Ke={meta:{id:"hooks-manifest",description:"`hooks/hooks.json`: known events, typed hooks, and command hooks whose `${CLAUDE_PLUGIN_ROOT}` files exist.",severity:"error",scope:"project",docs:{why:"A misspelt event never fires and a missing script fails every tool call: the production guard would silently not run.",bad:`{
  "hooks": {
    "PreToolUses": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node \${CLAUDE_PLUGIN_ROOT}/missing.js" }] }
    ]
  }
}
`,good:`{
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node \\"$CLAUDE_PROJECT_DIR/scripts/guard.js\\"", "timeout": 15 }] }
    ]
  }
}
`,language:"json"}},check(t){for(let{path:n,json:o,data:e}of v(t,"hooks")){let i=N(n),s=e.hooks;if(typeof s!="object"||s===null||Array.isArray(s)){t.report(n,{message:'Unexpected hooks file without a "hooks" object, expected { "hooks": { "PreToolUse": [...] } }.',position:f(o,["hooks"])});continue}for(let[r,c]of Object.entries(s)){if(!W.includes(r)){let a=u(r,W);t.report(n,{message:`Unexpected hook event "${r}", expected one of ${W.join(", ")}${a?` (did you mean "${a}"?)`:""}.`,position:f(o,["hooks",r]),...a?{fix:{description:`rename to "${a}"`,replacement:a}}:{}})}if(!Array.isArray(c)){t.report(n,{message:`Unexpected value for ${r}, expected an array of { "matcher", "hooks": [...] } groups.`,position:g(o,["hooks",r])});continue}c.forEach((a,l)=>{let d=a?.hooks;if(!Array.isArray(d)){t.report(n,{message:'Unexpected matcher group without "hooks", expected "hooks": [{ "type": "command", "command": "..." }].',position:g(o,["hooks",r,l])});return}d.forEach((h,m)=>{let y=h??{};if((typeof y.type!="string"||!Fe.includes(y.type))&&t.report(n,{message:`Unexpected hook type ${JSON.stringify(y.type??null)}, expected one of ${Fe.join(", ")}.`,position:f(o,["hooks",r,l,"hooks",m,"type"])}),y.type==="command"){if(typeof y.command!="string"||y.command.trim()===""){t.report(n,{message:'Unexpected command hook without a command, expected "command": "node ${CLAUDE_PLUGIN_ROOT}/...".',position:f(o,["hooks",r,l,"hooks",m,"command"])});return}for(let{written:S,resolved:X}of O(y.command,i))t.exists(X)||t.report(n,{message:`Unexpected missing file ${S} (${X}), expected the hook command to point at a file shipped with the plugin.`,position:g(o,["hooks",r,l,"hooks",m,"command"])})}})})}}}};var Ye={meta:{id:"mcp-manifest",description:"`.mcp.json`: each server has a command and an args array (or a url), and the files it names exist.",severity:"error",scope:"project",docs:{why:"A server that cannot start leaves every gate tool missing: the agent then has no gated path and falls back to raw commands.",bad:`{
  "mcpServers": {
    "shipgate": { "args": "\${CLAUDE_PLUGIN_ROOT}/missing.js" }
  }
}
`,good:`{
  "mcpServers": {
    "deploy-api": { "type": "http", "url": "https://deploy.example.com/mcp" }
  }
}
`,language:"json"}},check(t){for(let{path:n,json:o,data:e}of v(t,"mcp")){let i=N(n),s=e.mcpServers;if(typeof s!="object"||s===null||Array.isArray(s)){t.report(n,{message:'Unexpected .mcp.json without an "mcpServers" object, expected { "mcpServers": { "name": { "command": ..., "args": [...] } } }.',position:f(o,["mcpServers"])});continue}for(let[r,c]of Object.entries(s)){let a=typeof c=="object"&&c!==null?c:{};if(typeof a.url=="string")continue;(typeof a.command!="string"||a.command.trim()==="")&&t.report(n,{message:`Unexpected server "${r}" without a command, expected "command": "node" (or a "url" for http servers).`,position:f(o,["mcpServers",r])}),a.args!==void 0&&(!Array.isArray(a.args)||a.args.some(d=>typeof d!="string"))&&t.report(n,{message:`Unexpected args ${JSON.stringify(a.args)} for server "${r}", expected an array of strings.`,position:g(o,["mcpServers",r,"args"])});let l=[a.command,...Array.isArray(a.args)?a.args:typeof a.args=="string"?[a.args]:[]].filter(d=>typeof d=="string");for(let d of l)for(let{written:h,resolved:m}of O(d,i))t.exists(m)||t.report(n,{message:`Unexpected missing file ${h} (${m}), expected the server to point at a file shipped with the plugin.`,position:g(o,["mcpServers",r,"args"])})}}}};var Ve={meta:{id:"pitfall-id-unique",description:"Pitfall ids are unique across the plugin.",severity:"error",scope:"project",docs:{why:"Learnings are counted per pitfall id after every run; a duplicate id merges two lessons into one counter.",bad:`<anti_patterns>
<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>
<pitfall name="missing_git_tag" impact="low">Tag not pushed</pitfall>
</anti_patterns>
`,good:`<anti_patterns>
<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>
<pitfall name="tag_not_pushed" impact="low">Tag not pushed</pitfall>
</anti_patterns>
`}},check(t){let n=new Map;for(let o of t.facts)for(let e of o.pitfalls){if(e.id==="")continue;let i=n.get(e.id);if(i===void 0){n.set(e.id,`${o.path}:${e.position.line}`);continue}t.report(o.path,{message:`Unexpected duplicate pitfall id "${e.id}" (first at ${i}), expected each pitfall id once per plugin.`,position:p(e.position)})}}};var Ge={meta:{id:"gate-needs-mission-and-rollback",description:"A skill with a blocking gate also has `<mission_control>` and `<rollback_procedure>`.",severity:"warning",scope:"document",docs:{why:"Gating a deploy without stating its success criteria and its rollback leaves the operator with no plan when the gate passes and the deploy still fails.",bad:`<safety_gate type="blocking">
<checks>
<check id="tests_pass">
<command>npm test</command>
</check>
</checks>
</safety_gate>
`,good:`<mission_control>
<objective>Ship safely</objective>
</mission_control>
<safety_gate type="blocking">
\u2026
</safety_gate>
<rollback_procedure>
\u2026
</rollback_procedure>
`}},check({document:t,report:n}){let o=t.model.safetyGates.find(i=>i.type==="blocking");if(!o)return;let e=[];t.model.missionControl.length===0&&e.push("<mission_control>"),t.model.rollbackProcedures.length===0&&e.push("<rollback_procedure>"),e.length!==0&&n({message:`Unexpected blocking safety_gate without ${e.join(" and ")}, expected a skill that states its mission and its rollback.`,position:p(o.position)})}};var I=j(Q(),1),Be={meta:{id:"config-schema",description:"`shipgate.config.yaml` is valid YAML with known keys and values of the right type (the schema `deploy` loads).",severity:"error",scope:"project",docs:{why:"A configuration error otherwise surfaces only when a gate or deploy runs; validating it with the skills puts it in CI, at the line that is wrong.",bad:`environments:
  production:
    provider: { type: ssh }
    strategy: { type: rolling }
    monitor: { duration: soon }
    colour: blue
`,good:`environments:
  production:
    provider: { type: git-push, remote: origin, branch: production }
    strategy: { type: rolling }
    monitor: { duration: 30m }
`,language:"yaml"}},async check(t){let n=t.files.filter(s=>s.type==="config");if(n.length===0)return;let[{configSchema:o},{formatIssue:e},{issueRange:i}]=await Promise.all([import("./schema-J7AMKT3S.js"),import("./load-config-FVPQHGT4.js"),import("./issue-range-GI7LOXY4.js")]);for(let s of n){let r=t.readText(s.path);if(r===void 0){t.report(s.path,{message:"Unexpected unreadable configuration file, expected a readable YAML file (check its permissions)."});continue}let c=new I.LineCounter,a=(0,I.parseDocument)(r,{lineCounter:c,prettyErrors:!1}),l=m=>{if(!m)return{line:1,column:1};let y=c.linePos(m[0]??0),S=c.linePos(m[1]??m[0]??0);return{line:y.line,column:y.col,endLine:S.line,endColumn:S.col}};if(a.errors.length){for(let m of a.errors)t.report(s.path,{message:`Unexpected YAML syntax: ${m.message.split(`
`)[0]}; expected a YAML mapping like the one \`shipgate init\` writes.`,position:l(m.pos)});continue}let d=a.toJS()??{},h=o.safeParse(d);if(!h.success)for(let m of h.error.issues)t.report(s.path,{message:`${e(m,d)}.`,position:l(i(a,m))})}}};var ht=[te,se,re,ae,le,de,pe,ue,fe,ge,he,ye,ke,be,we,xe,ve,_e,$e,Re,Se,je,De,Ue,Ee,Ae,Le,Te,Me,Ie,qe,Ke,Ye,Ve,Ge,Be],Kn=ht.map(t=>`${t.meta.id}:${t.meta.severity}`).join(",");function Vn(t){return`https://github.com/shipgate/shipgate/blob/main/docs/rules.md#${t}`}export{mt as a,ht as b,Kn as c,Vn as d};
