import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as Oe}from"./chunk-4KIDAJTP.js";import{a as G}from"./chunk-JCSPTBAL.js";import{a as M}from"./chunk-BPZ4ZMUR.js";import{d as Ne}from"./chunk-AHK5V45S.js";var J={meta:{id:"frontmatter-yaml",description:"Frontmatter is valid YAML and a mapping of keys to values.",severity:"error",scope:"document",docs:{why:"Claude Code ignores a skill whose frontmatter does not parse: its name, description and tool limits are silently lost.",bad:`---
name: [deploy-production
description: Deploys.
---
`,good:`---
name: deploy-production
description: Deploys.
---
`}},check({document:e,report:n}){for(let t of e.problems)t.ruleId==="frontmatter-yaml"&&n({message:t.message,position:t.position,severity:t.severity})}};var _=/^[a-z0-9]+(?:-[a-z0-9]+)*$/,W=/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;function Te(e,n){let t=Array.from({length:n.length+1},(o,s)=>s);for(let o=1;o<=e.length;o+=1){let s=t[0];t[0]=o;for(let i=1;i<=n.length;i+=1){let r=t[i];t[i]=Math.min(t[i]+1,t[i-1]+1,s+(e[o-1]===n[i-1]?0:1)),s=r}}return t[n.length]}function g(e,n){let t,o=1/0,s=e.toLowerCase();for(let i of n){let r=Te(s,i.toLowerCase());r<o&&(t=i,o=r)}return t!==void 0&&o<=Math.max(2,Math.floor(e.length/3))?t:void 0}var z=new WeakMap;function b(e){let n=z.get(e);if(!n){n=[];let t=e.map(o=>({element:o,parent:null})).reverse();for(;t.length;){let o=t.pop();n.push(o);for(let s=o.element.children.length-1;s>=0;s-=1)t.push({element:o.element.children[s],parent:o.element})}z.set(e,n)}return n}function v(e){let n=e.position;return{line:n.line,column:n.column,endLine:n.line,endColumn:n.column+e.name.length+1}}function d(e){return e.endLine===e.line?e:{...e,endLine:e.line,endColumn:e.column+1}}function $(e,n){let t=e.frontmatter;return t?.keys[n]??(t?d(t.position):{line:1,column:1,endLine:1,endColumn:1})}function k(e,n){return e.frontmatter?.values[n]??$(e,n)}function j(e){let n=e.split(/[\\/]/);return n[n.length-2]??""}function w(e){return e==null?"nothing":Array.isArray(e)?"a list":typeof e=="object"?"a mapping":typeof e=="string"?`the string ${JSON.stringify(e.length>60?`${e.slice(0,60)}\u2026`:e)}`:`${typeof e} ${String(e)}`}var S=["name","description","allowed-tools","disable-model-invocation","user-invocable","context","agent","model","argument-hint","when_to_use","hooks","license","metadata","version","compatibility"],Me=["name","description","allowed-tools","argument-hint","model","disable-model-invocation","user-invocable","context","agent","hooks","when_to_use"],Ce=["name","description","tools","model","color","permissionMode","skills","hooks","disallowedTools","mcpServers"],qe={skill:S,command:Me,agent:Ce,reference:S,other:S},X={meta:{id:"frontmatter-unknown-key",description:"Frontmatter keys are ones Claude Code knows for this file kind (skill, command, agent).",severity:"warning",scope:"document",docs:{why:"Unknown keys are ignored silently; a misspelt `allowed-tools` leaves the skill with every tool allowed.",bad:`---
name: deploy
allowed_tools: Read
---
`,good:`---
name: deploy
allowed-tools: Read
---
`}},check({document:e,report:n}){let t=e.frontmatter;if(!t)return;let o=qe[e.kind]??S;for(let s of Object.keys(t.data)){if(o.includes(s))continue;let i=g(s,o);n({message:`Unexpected frontmatter key "${s}", expected one of ${o.join(", ")}${i?` (did you mean "${i}"?)`:""}.`,position:t.keys[s],...i?{fix:{description:`rename to \`${i}\``,replacement:i}}:{}})}}};var H={meta:{id:"name-format",description:"The `name` is kebab-case, at most 64 characters, and equals the folder name of a skill.",severity:"error",scope:"document",docs:{why:"The name is how the skill is invoked and listed; a name that differs from its folder is rejected by the skill loaders.",bad:`---
# in skills/deploy-production/SKILL.md
name: Deploy_Production
description: Deploys.
---
`,good:`---
# in skills/deploy-production/SKILL.md
name: deploy-production
description: Deploys.
---
`}},check({document:e,report:n}){let t=e.frontmatter;if(!t||!("name"in t.data))return;let o=t.data.name,s=k(e,"name");if(typeof o!="string"){n({message:`Unexpected ${w(o)} for name, expected a kebab-case string.`,position:s});return}if(_.test(o))o.length>64&&n({message:`Unexpected name of ${o.length} characters, expected at most 64.`,position:s});else{let i=o.trim().replace(/([a-z0-9])([A-Z])/g,"$1-$2").toLowerCase().replace(/[^a-z0-9]+/g,"-").replace(/^-|-$/g,"");n({message:`Unexpected name "${o}", expected kebab-case (lowercase letters, digits and single hyphens).`,position:s,fix:{description:`rename to \`${i}\``,replacement:i}})}if(e.kind==="skill"){let i=j(e.path);i&&o!==i&&n({message:`Unexpected name "${o}", expected the skill folder name "${i}".`,position:s,fix:{description:`rename to \`${i}\``,replacement:i}})}}};var Z={meta:{id:"description-required",description:"Skills and agents have a non-empty string `description`; commands should have one.",severity:"error",scope:"document",docs:{why:"Without a description the model cannot tell when the skill applies, so it is never loaded on its own.",bad:`---
name: deploy-production
---
`,good:`---
name: deploy-production
description: Deploys to production behind a blocking gate. Use when releasing. Not for staging.
---
`}},check({document:e,report:n}){if(!["skill","agent","command"].includes(e.kind)||e.problems.some(s=>s.ruleId==="frontmatter-yaml"))return;let t=e.frontmatter?.data.description,o=e.kind==="command"?"warning":"error";t===void 0?n({message:`Unexpected ${e.frontmatter?"frontmatter":"file"} without description, expected a \`description:\` that says what the ${e.kind} does and when to use it.`,position:e.frontmatter?.keys.name??$(e,"description"),severity:o}):(typeof t!="string"||t.trim()==="")&&n({message:`Unexpected ${w(t)} for description, expected a non-empty string.`,position:e.frontmatter?.values.description,severity:o})}};var Q=1024,ee={meta:{id:"description-length",description:"The `description` is at most 1024 characters.",severity:"error",scope:"document",docs:{why:'Descriptions are loaded into every session; loaders reject or cut long ones, losing the "when" and "not for" parts at the end.',bad:`---
name: deploy
description: Deploys. Deploys. Deploys. (\u2026 1,100 characters \u2026)
---
`,good:`---
name: deploy
description: Deploys to production. Use when releasing. Not for staging.
---
`}},check({document:e,report:n}){let t=e.frontmatter?.data.description;typeof t!="string"||t.length<=Q||n({message:`Unexpected description of ${t.length} characters, expected at most ${Q}.`,position:k(e,"description"),fix:{description:"move detail into the body and keep what/when/not-for in the description"}})}};var Ie=/^(?:i|i'm|i am|we|we're|you|your|let me|let's)\b/i,Fe=/\b(?:use (?:it |this )?when|when|whenever)\b/i,Ke=/\b(?:not for|not when|do not use|don't use|never use|not to be used)\b/i,te={meta:{id:"description-what-when-not",description:'A skill description is third person and has a "Use when" part and a "Not for" part.',severity:"warning",scope:"document",docs:{why:'The model chooses skills from their descriptions: without "when" it under-triggers, without "not for" it over-triggers.',bad:`---
name: deploy
description: I can help you deploy things.
---
`,good:`---
name: deploy
description: Deploys to production behind a blocking gate. Use when releasing to production. Not for staging deploys.
---
`}},check({document:e,report:n}){if(e.kind!=="skill")return;let t=e.frontmatter?.data.description;if(typeof t!="string"||t.trim()==="")return;let o=k(e,"description"),s=t.trim();Ie.test(s)&&n({message:`Unexpected "${s.split(/\s+/)[0]}" at the start of the description, expected the third person ("Deploys ...", not "I ..." or "You ...").`,position:o}),Fe.test(s)||n({message:'Unexpected description without a "when" part, expected e.g. "Use when releasing to production."',position:o,fix:{description:'add a sentence starting with "Use when"'}}),Ke.test(s)||n({message:'Unexpected description without a "not for" part, expected e.g. "Not for staging deploys."',position:o,fix:{description:'add a sentence starting with "Not for"'}})}};var Ve=["disable-model-invocation","user-invocable"],oe={meta:{id:"frontmatter-boolean",description:"`disable-model-invocation` and `user-invocable` are typed booleans (true/false).",severity:"error",scope:"document",docs:{why:'A quoted "false" is a truthy string: the production deploy skill would be invocable by the model when it must not be.',bad:`---
name: deploy
disable-model-invocation: "true"
---
`,good:`---
name: deploy
disable-model-invocation: true
---
`}},check({document:e,report:n}){let t=e.frontmatter?.data;if(t)for(let o of Ve){if(!(o in t)||typeof t[o]=="boolean")continue;let s=t[o],i=typeof s=="string"&&/^(?:true|yes|on)$/i.test(s.trim())?"true":typeof s=="string"&&/^(?:false|no|off)$/i.test(s.trim())?"false":void 0;n({message:`Unexpected ${w(s)} for ${o}, expected a boolean (true or false, unquoted).`,position:k(e,o),...i?{fix:{description:`write \`${i}\` unquoted`,replacement:i}}:{}})}}};var ne=/^(?:mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?|[A-Z][A-Za-z0-9]*)(?:\([^()]*\))?$/;function Ye(e){let n=[],t=0,o="";for(let s of e)s==="("&&(t+=1),s===")"&&(t-=1),t<=0&&(s===","||/\s/.test(s))?(o&&n.push(o),o="",t=Math.max(t,0)):o+=s;return o&&n.push(o),n}var ie={meta:{id:"allowed-tools-syntax",description:"`allowed-tools` lists tool names like `Read`, `Bash(git:*)` or `mcp__server__tool`.",severity:"error",scope:"document",docs:{why:"A malformed entry grants nothing (or the wrong thing): `bash(docker:*)` does not match the Bash tool, so the command prompts or fails mid-deploy.",bad:`---
name: deploy
allowed-tools: Read, bash(docker:*), Bash(kubectl:*
---
`,good:`---
name: deploy
allowed-tools: Read, Bash(docker:*), Bash(kubectl:*)
---
`}},check({document:e,report:n}){let t=e.frontmatter;if(t)for(let o of["allowed-tools","tools","disallowedTools"]){if(!(o in t.data))continue;let s=t.data[o],i=k(e,o),r=typeof s=="string"?Ye(s):Array.isArray(s)?s:null;if(r===null){n({message:`Unexpected ${w(s)} for ${o}, expected a comma-separated string or a list of tool names.`,position:i});continue}let l=e.text.split(`
`)[i.line-1]??"";for(let a of r){if(typeof a=="string"&&ne.test(a.trim()))continue;let c=typeof a=="string"?a:w(a),m=l.indexOf(c,i.line===t.keys[o]?.line?i.column-1:0),f=m>=0&&i.line===i.endLine?{line:i.line,column:m+1,endLine:i.line,endColumn:m+1+c.length}:i,p=typeof a=="string"?a.charAt(0).toUpperCase()+a.slice(1)+(a.split("(").length>a.split(")").length?")":""):void 0;n({message:`Unexpected tool "${c}" in ${o}, expected \`Name\`, \`Name(specifier)\` with balanced parentheses, or \`mcp__server__tool\`.`,position:f,...p&&ne.test(p)?{fix:{description:`write \`${p}\``,replacement:p}}:{}})}}}};var C=/\$(?:ARGUMENTS\b|\d\b)/,se={meta:{id:"argument-hint-consistency",description:"Files that use $ARGUMENTS/$1/$0 declare `argument-hint`, and files with a hint use arguments.",severity:"warning",scope:"document",docs:{why:"Without a hint the user does not know the command takes arguments; a hint with no use means typed arguments are silently dropped.",bad:`---
description: Deploy to an environment
---
Deploy to $1 now.
`,good:`---
description: Deploy to an environment
argument-hint: [environment]
---
Deploy to $1 now.
`}},check({document:e,report:n}){if(e.kind!=="command"&&e.kind!=="skill")return;let t=e.frontmatter?e.frontmatter.position.endLine:0,o=e.text.split(`
`),s=-1;for(let r=t;r<o.length;r+=1)if(C.test(o[r])){s=r;break}let i=e.frontmatter?.data["argument-hint"];if(s>=0&&i===void 0){let r=o[s].search(C)+1,l=C.exec(o[s])[0];n({message:`Unexpected ${l} without an argument-hint, expected \`argument-hint: [...]\` in the frontmatter.`,position:{line:s+1,column:r,endLine:s+1,endColumn:r+l.length},fix:{description:"add `argument-hint: [arguments]` to the frontmatter"}})}else s<0&&i!==void 0&&e.kind==="command"&&n({message:"Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.",position:$(e,"argument-hint")})}};var re={meta:{id:"xml-well-formed",description:"XML blocks in the Markdown body are well formed (closed, properly nested, quoted attributes).",severity:"error",scope:"document",docs:{why:"An unclosed block swallows the rest of the file: checks after it are never run and the gate looks emptier than it is.",bad:`<safety_gate type="blocking">
<checks>
</safety_gate>
`,good:`<safety_gate type="blocking">
<checks>
</checks>
</safety_gate>
`}},check({document:e,report:n}){for(let t of e.problems)t.ruleId==="xml-well-formed"&&n({message:t.message,position:t.position,severity:t.severity})}};var Be=["mission_control","safety_gate","rollback_procedure","logic_flow","anti_patterns","critical_constraint","objective","quick_start","workflow","success_criteria","trigger_conditions","pitfall","purpose","context","example","examples","instructions","process"],Ge={mission_control:["objective","success_criteria"],safety_gate:["purpose","checks","gate_validation","check"],checks:["check"],check:["command","expected","verify","requirement","verification","failure_mode","timeout"],rollback_procedure:["purpose","trigger_conditions","steps"],trigger_conditions:["condition"],steps:["step"],step:["command","timeout","expected","investigation","actions"]},Je=[/^step_\d+(?:_[a-z0-9_]+)?$/,/^[a-z0-9_]+_workflow$/],ae={meta:{id:"xml-unknown-block",description:"XML blocks and their children are ones the shipgate skill language defines.",severity:"warning",scope:"document",docs:{why:"A misspelt control block is read as prose: a `<saftey_gate>` has no checks that run and blocks nothing.",bad:`<saftey_gate type="blocking">
</saftey_gate>
`,good:`<safety_gate type="blocking">
</safety_gate>
`}},check({document:e,report:n}){for(let{element:t,parent:o}of b(e.elements)){let s=o?Ge[o.name]:Be;if(!s||s.includes(t.name)||!o&&Je.some(r=>r.test(t.name)))continue;let i=g(t.name,s);n({message:`Unexpected <${t.name}>${o?` inside <${o.name}>`:""}, expected one of ${s.map(r=>`<${r}>`).join(", ")}${i?` (did you mean <${i}>?)`:""}.`,position:v(t),...i?{fix:{description:`rename to <${i}>`,replacement:i}}:{}})}}};var ce={meta:{id:"gate-has-checks",description:"A `<safety_gate>` is typed blocking/advisory and contains at least one `<check>`.",severity:"error",scope:"document",docs:{why:'A gate without checks always passes: the deploy would be "gated" by nothing.',bad:`<safety_gate type="blocking" phase="pre_deployment">
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
`}},check({document:e,report:n}){for(let{element:t}of b(e.elements)){if(t.name!=="safety_gate")continue;let o=t.attributes.type;o!=="blocking"&&o!=="advisory"&&n({message:`Unexpected ${o===void 0?"safety_gate without type":`type "${o}"`}, expected type="blocking" or type="advisory".`,position:t.attributePositions.type??v(t)})}for(let t of e.model.safetyGates)t.checks.length===0&&n({message:'Unexpected safety_gate without checks, expected at least one <check id="..."> inside <checks>.',position:d(t.position)})}};var le={meta:{id:"check-id-format",description:"Every `<check>` has an `id` in snake_case.",severity:"error",scope:"document",docs:{why:"The id is typed on the command line (`shipgate attest tests_pass`) and stored in receipts; spaces, capitals and hyphens break both.",bad:`<check id="Tests-Pass">
<command>npm test</command>
</check>
`,good:`<check id="tests_pass">
<command>npm test</command>
</check>
`}},check({document:e,report:n}){for(let t of e.model.safetyGates)for(let o of t.checks){if(W.test(o.id))continue;let s=o.id.replace(/([a-z0-9])([A-Z])/g,"$1_$2").toLowerCase().replace(/[^a-z0-9]+/g,"_").replace(/^_+|_+$/g,"");n({message:o.id===""?'Unexpected check without id, expected id="snake_case_name".':`Unexpected check id "${o.id}", expected snake_case (e.g. "${s||"tests_pass"}").`,position:d(o.position),...s?{fix:{description:`rename to \`${s}\``,replacement:s}}:{}})}}};var de={meta:{id:"check-id-unique",description:"Check ids are unique within a skill.",severity:"error",scope:"document",docs:{why:"Results, receipts and attestations are stored by check id; a duplicate makes one result stand for two checks.",bad:`<check id="tests_pass">
<command>npm test</command>
</check>
<check id="tests_pass">
<command>npm run e2e</command>
</check>
`,good:`<check id="tests_pass">
<command>npm test</command>
</check>
<check id="e2e_pass">
<command>npm run e2e</command>
</check>
`}},check({document:e,report:n}){let t=new Map;for(let o of e.model.safetyGates)for(let s of o.checks){if(s.id==="")continue;let i=t.get(s.id);i===void 0?t.set(s.id,s.position.line):n({message:`Unexpected duplicate check id "${s.id}" (first at line ${i}), expected each id once per skill.`,position:d(s.position)})}}};var pe={meta:{id:"check-decider",description:"Each check has exactly one decider: command, verify, or requirement+verification (attestation, warned).",severity:"error",scope:"document",docs:{why:"A check with no decider cannot pass or fail; with two, the runner and the reader disagree on what passing means. Prose-only checks need a named human to attest them.",bad:`<check id="tests_pass">
<failure_mode>BLOCK deployment</failure_mode>
</check>
`,good:`<check id="tests_pass">
<command>npm test</command>
<expected>Exit code 0</expected>
<failure_mode>BLOCK deployment</failure_mode>
</check>
`}},check({document:e,report:n}){for(let t of e.model.safetyGates)for(let o of t.checks){let s=d(o.position),i=o.deciders.map(r=>r.kind);o.deciders.length===0?n({message:`Unexpected check "${o.id}" without a decider, expected <command>, <verify kind="..."/> or <requirement> + <verification>.`,position:s}):o.deciders.length>1?n({message:`Unexpected ${o.deciders.length} deciders (${i.join(", ")}) in check "${o.id}", expected exactly one.`,position:s,fix:{description:"keep one of <command>, <verify> or <requirement>+<verification>"}}):i[0]==="attestation"&&n({message:`Unexpected prose-only check "${o.id}": it needs a human attestation (\`shipgate attest ${o.id} --by NAME --evidence TEXT\`), expected a <command> or <verify> where a machine can decide.`,position:s,severity:"warning"})}}};var q=[{kind:"command",summary:"runs a repository command; passes on exit code 0 (or `exit_code`)",required:[],optional:["exit_code","timeout","output_contains"],text:"required",example:'<verify kind="command" timeout="10m">npm test</verify>'},{kind:"file-exists",summary:"a file matching a glob exists; YYYY, MM, DD and YYYY-MM-DD are replaced with today's date",required:["path"],optional:["min_size"],example:'<verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/>'},{kind:"file-age",summary:"the newest file matching a glob is younger than max_age",required:["path","max_age"],optional:[],example:'<verify kind="file-age" path="backups/*.log" max_age="24h"/>'},{kind:"state",summary:"a key path in a YAML/JSON state file equals a value (or is in a list)",required:["key"],optional:["file","equals","in"],example:'<verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/>'},{kind:"git-clean",summary:"the working tree has no uncommitted changes",required:[],optional:["allow_untracked"],example:'<verify kind="git-clean"/>'},{kind:"git-branch",summary:"HEAD is on the named branch (or one of a comma list / glob)",required:["branch"],optional:[],example:'<verify kind="git-branch" branch="main"/>'},{kind:"http",summary:"an HTTP GET answers with the status (and body text) expected",required:["url"],optional:["status","body_contains","timeout","method"],example:'<verify kind="http" url="{url}/health" status="200"/>'},{kind:"deploy-window",summary:"now is inside the project's deployment window policy (deny days/hours, holidays)",required:[],optional:[],example:'<verify kind="deploy-window"/>'},{kind:"attestation",summary:"a named human confirms; who, when and evidence are recorded",required:[],optional:["role","prompt","max_age"],example:'<verify kind="attestation" role="reviewer" prompt="Recent commits reviewed and approved"/>'}],D=q.map(e=>e.kind),I=["BLOCK deployment","block","warn","WARN"];function U(e){let n=[];for(let t of e.model.safetyGates)for(let o of t.checks)for(let s of o.deciders)s.kind==="verify"&&n.push(s.verify);return n}var me={meta:{id:"verify-kind-known",description:"`<verify kind>` is one of the kinds shipgate implements.",severity:"error",scope:"document",docs:{why:"The gate runner refuses a kind it does not know, so a typo turns a machine check into a permanent block.",bad:`<check id="plan_written">
<verify kind="file_exist" path="docs/plan.md"/>
</check>
`,good:`<check id="plan_written">
<verify kind="file-exists" path="docs/plan.md"/>
</check>
`}},check({document:e,report:n}){for(let t of U(e)){if(D.includes(t.kind))continue;let o=g(t.kind,D);n({message:`Unexpected verify kind "${t.kind}", expected one of ${D.join(", ")}${o?` (did you mean "${o}"?)`:""}.`,position:d(t.position),...o?{fix:{description:`use kind="${o}"`,replacement:o}}:{}})}}};var ue={meta:{id:"verify-attributes",description:"A `<verify>` has the attributes its kind requires and no unknown ones.",severity:"error",scope:"document",docs:{why:"A verify without its required attribute cannot be evaluated and blocks the gate at deploy time instead of at lint time.",bad:`<check id="backups_current">
<verify kind="file-age" path="backups/*.log"/>
</check>
`,good:`<check id="backups_current">
<verify kind="file-age" path="backups/*.log" max_age="24h"/>
</check>
`}},check({document:e,report:n}){for(let t of U(e)){let o=q.find(r=>r.kind===t.kind);if(!o)continue;let s=d(t.position),i=["kind",...o.required,...o.optional];for(let r of o.required)t.attributes[r]===void 0&&n({message:`Unexpected verify kind="${o.kind}" without ${r}, expected ${r}="..." (e.g. ${o.example}).`,position:s});for(let r of Object.keys(t.attributes)){if(i.includes(r))continue;let l=g(r,i);n({message:`Unexpected attribute ${r} on verify kind="${o.kind}", expected one of ${i.join(", ")}${l?` (did you mean ${l}?)`:""}.`,position:s,severity:"warning"})}o.text==="required"&&t.text.trim()===""&&n({message:`Unexpected empty verify kind="${o.kind}", expected its text (e.g. ${o.example}).`,position:s})}}};var fe={meta:{id:"failure-mode-known",description:"`<failure_mode>` is one of the modes the gate runner understands.",severity:"error",scope:"document",docs:{why:"An unknown failure mode leaves it unclear whether a failing check blocks the deploy.",bad:`<check id="tests_pass">
<command>npm test</command>
<failure_mode>stop everything</failure_mode>
</check>
`,good:`<check id="tests_pass">
<command>npm test</command>
<failure_mode>BLOCK deployment</failure_mode>
</check>
`}},check({document:e,report:n}){for(let{element:t}of b(e.elements)){if(t.name!=="failure_mode")continue;let o=t.text.trim();I.includes(o)||n({message:`Unexpected failure mode "${o}", expected one of ${I.map(s=>`"${s}"`).join(", ")}.`,position:t.position})}}};var ze=["timeout","max_age","for"],ge={meta:{id:"duration-format",description:"Timeouts, `max_age` and `for=` durations parse (30s, 5m, 24h, 1h30m, 120 seconds).",severity:"error",scope:"document",docs:{why:"A duration that does not parse falls back to a default nobody chose: a rollback step could wait forever or give up at once.",bad:`<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<timeout>a while</timeout>
</step>
`,good:`<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<timeout>30 seconds</timeout>
</step>
`}},check({document:e,report:n}){for(let{element:t}of b(e.elements)){t.name==="timeout"&&M(t.text)===void 0&&n({message:`Unexpected timeout "${t.text.trim()}", expected a duration like 30s, 5m, 1h30m or 120 seconds.`,position:t.position});for(let o of ze){let s=t.attributes[o];s===void 0||M(s)!==void 0||n({message:`Unexpected ${o}="${s}" on <${t.name}>, expected a duration like 30s, 5m, 24h or 1h30m.`,position:t.attributePositions[o]??v(t)})}}}};var he={meta:{id:"rollback-steps-sequential",description:"Sequential rollback steps are numbered 1..n in order.",severity:"error",scope:"document",docs:{why:'Rollback runs under pressure; a skipped or swapped number is how a "verify rollback" step gets lost.',bad:`<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
<step id="3" action="verify">
<command>kubectl rollout status deployment/app</command>
</step>
</steps>
`,good:`<steps sequential="true">
<step id="1" action="undo">
<command>kubectl rollout undo deployment/app</command>
</step>
<step id="2" action="verify">
<command>kubectl rollout status deployment/app</command>
</step>
</steps>
`}},check({document:e,report:n}){for(let t of e.model.rollbackProcedures)t.sequential&&t.steps.forEach((o,s)=>{let i=s+1;o.number!==i&&n({message:`Unexpected step id "${o.id}", expected "${i}" (sequential steps are numbered 1..n in order).`,position:d(o.position),fix:{description:`renumber to ${i}`,replacement:String(i)}})})}};var ye={meta:{id:"rollback-step-action",description:"Each rollback step has a `<command>`, `<actions>` or `<investigation>`.",severity:"error",scope:"document",docs:{why:"The rollback runner executes commands and prints actions; a step with neither silently does nothing during an incident.",bad:`<step id="1" action="immediate_rollback">
<expected>Previous version restored</expected>
</step>
`,good:`<step id="1" action="immediate_rollback">
<command>kubectl rollout undo deployment/app</command>
<expected>Previous version restored</expected>
</step>
`}},check({document:e,report:n}){for(let t of e.model.rollbackProcedures)for(let o of t.steps)(o.command??"").trim()||o.actions.length>0||(o.investigation??"").trim()||n({message:`Unexpected rollback step "${o.id}" with nothing to do, expected a <command>, <actions> or <investigation>.`,position:d(o.position)})}};var ke={meta:{id:"rollback-triggers-present",description:"A rollback procedure has at least one trigger condition.",severity:"error",scope:"document",docs:{why:"Without triggers the automatic rollback never fires: the monitor has nothing to watch.",bad:`<rollback_procedure>
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
`}},check({document:e,report:n}){for(let t of e.model.rollbackProcedures)t.triggerConditions.length>0||n({message:"Unexpected rollback_procedure without trigger conditions, expected <trigger_conditions> with at least one <condition>.",position:d(t.position)})}};var we={meta:{id:"logic-flow-parses",description:"`<logic_flow>` contains a Graphviz digraph that parses.",severity:"error",scope:"document",docs:{why:"A flow that does not parse cannot be checked for reachability or a rollback path, and renders as nothing.",bad:`<logic_flow>
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
`}},check({document:e,report:n}){for(let t of e.model.logicFlows)t.error?n({message:t.error.message,position:t.error.position}):t.nodes.length===0&&t.edges.length===0&&n({message:"Unexpected empty logic_flow, expected a `digraph Name { A -> B; }`.",position:d(t.position)})}};var be={meta:{id:"logic-flow-edges-declared",description:"Edges of a logic flow name nodes declared in the graph (DOT allows implicit nodes, so this warns).",severity:"warning",scope:"document",docs:{why:"A misspelt node name silently creates a second node and breaks the path the flow is meant to show.",bad:`<logic_flow>
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
`}},check({document:e,report:n}){for(let t of e.model.logicFlows){if(t.error||t.nodes.length===0)continue;let o=new Set(t.nodes.filter(i=>!We(i,t.edges)).map(i=>i.id));if(o.size===0)continue;let s=new Set;for(let i of t.edges)for(let r of[i.from,i.to])o.has(r)||s.has(r)||(s.add(r),n({message:`Unexpected undeclared node "${r}" in an edge, expected a declared node (${[...o].slice(0,8).join(", ")}).`,position:i.position}))}}};function We(e,n){return Object.keys(e.attributes).length===0&&n.some(t=>t.position.line===e.position.line&&t.position.column<=e.position.column)}function E(e){let n=[],t=new Set,o=r=>{t.has(r)||(t.add(r),n.push(r))},s=e.nodes[0],i=e.edges[0];i&&(!s||Xe(i.position,s.position))&&o(i.from);for(let r of e.nodes)o(r.id);for(let r of e.edges)o(r.from),o(r.to);return n}function Xe(e,n){return e.line<n.line||e.line===n.line&&e.column<n.column}function P(e,n){let t=new Map;for(let i of e.edges)t.set(i.from,[...t.get(i.from)??[],i.to]);let o=new Set([n]),s=[n];for(;s.length;){let i=s.shift();for(let r of t.get(i)??[])o.has(r)||(o.add(r),s.push(r))}return o}function xe(e,n,t){let o=e.nodes.find(s=>s.id===n)?.label??"";return n.toLowerCase().includes(t)||o.toLowerCase().includes(t)}var _e={meta:{id:"logic-flow-reachable",description:"Every node of a logic flow is reachable from its first node.",severity:"error",scope:"document",docs:{why:'An unreachable node is a step (often "Verify" or "Backup") that no path executes.',bad:`<logic_flow>
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
`}},check({document:e,report:n}){for(let t of e.model.logicFlows){if(t.error)continue;let o=E(t),s=o[0];if(s===void 0)continue;let i=P(t,s);for(let r of o){if(i.has(r))continue;let l=t.nodes.find(a=>a.id===r)?.position??t.edges.find(a=>a.from===r||a.to===r)?.position??t.position;n({message:`Unexpected unreachable node "${r}", expected every node to be reachable from "${s}".`,position:l})}}}};var ve={meta:{id:"logic-flow-terminals",description:"A logic flow has a path from its first node to a success node and to a rollback node.",severity:"error",scope:"document",docs:{why:"The flow must show both outcomes: a deploy that can only succeed has no documented way back.",bad:`<logic_flow>
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
`}},check({document:e,report:n}){for(let t of e.model.logicFlows){if(t.error)continue;let o=E(t)[0];if(o===void 0)continue;let s=[...P(t,o)];for(let i of["success","rollback"])s.some(r=>xe(t,r,i))||n({message:`Unexpected logic_flow without a path from "${o}" to a ${i} node, expected a node whose id or label contains "${i}".`,position:d(t.position),fix:{description:`add e.g. \`Deploy -> ${i==="success"?"Success":"Rollback"};\``}})}}};import{dirname as He,resolve as Ze}from"node:path";var $e={meta:{id:"links-resolve",description:"Relative Markdown links and `references/...` mentions resolve to existing files.",severity:"error",scope:"project",docs:{why:"Progressive disclosure only works when the referenced file exists; otherwise the agent reads a 404 in the middle of a deploy.",bad:`Details in [the checklist](references/missing-checklist.md).
`,good:`Details in [the checklist](references/checklist.md).
`}},check(e){for(let n of e.facts)for(let t of n.links){let o=Ze(He(n.path),t.target);e.exists(o)||e.report(n.path,{message:`Unexpected link to "${t.target}", expected an existing file (${o} does not exist).`,position:t.position})}}};import{join as Qe}from"node:path";var F=["gate_check","gate_attest","version_bump","deploy","rollback","health_check","deployment_status","runbook_generate","learnings_get","learnings_record","validate_skills"],Re={meta:{id:"command-references",description:"Skills named via the Skill tool and `mcp__plugin_shipgate_shipgate__*` tools exist.",severity:"error",scope:"project",docs:{why:"A command that calls a tool or skill that does not exist makes the agent improvise, which is exactly the ungated path.",bad:`---
description: Ship to production
---
Call \`mcp__plugin_shipgate_shipgate__gate_run\` first.
`,good:`---
description: Ship to production
---
Call \`mcp__plugin_shipgate_shipgate__gate_check\` first.
`}},check(e){let n=new Set;for(let t of e.facts)t.kind==="skill"&&(n.add(j(t.path)),t.name&&n.add(t.name));for(let t of e.facts)for(let o of t.references){if(o.kind==="tool"){if(F.includes(o.name))continue;let r=g(o.name,F);e.report(t.path,{message:`Unexpected MCP tool "${o.name}", expected one of ${F.join(", ")}${r?` (did you mean "${r}"?)`:""}.`,position:o.position,...r?{fix:{description:`use ${r}`,replacement:r}}:{}});continue}let s=o.name.replace(/^[a-z0-9-]+:/,"");if(n.has(s)||e.root!==null&&e.exists(Qe(e.root,"skills",s,"SKILL.md"))||n.size===0&&e.root===null)continue;let i=g(s,[...n]);e.report(t.path,{message:`Unexpected skill "${o.name}", expected a skill of this plugin${n.size?` (${[...n].slice(0,8).join(", ")})`:""}${i?`; did you mean "${i}"?`:""}.`,position:o.position})}}};var V=Ne(Oe(),1);function je(e){let n=new G(e),t=new Map,o=new Map,s;try{s=JSON.parse(e)}catch(c){let m=c.message,f=/position (\d+)/.exec(m),p=/line (\d+) column (\d+)/.exec(m),y=p?{line:Number(p[1]),column:Number(p[2]),endLine:Number(p[1]),endColumn:Number(p[2])+1}:n.position(f?Number(f[1]):Math.max(0,e.length-1),(f?Number(f[1]):e.length-1)+1);return{value:void 0,keys:t,values:o,error:{message:m.replace(/^(?:Unexpected|SyntaxError:)\s*/,"Unexpected "),position:y}}}let i=0,r=()=>{for(;i<e.length&&/\s/.test(e[i]);)i+=1},l=()=>{let c=i;for(i+=1;i<e.length&&e[i]!=='"';)i+=e[i]==="\\"?2:1;return i+=1,JSON.parse(e.slice(c,i))},a=c=>{r();let m=i,f=e[i];if(f==="{"){for(i+=1,r();e[i]!=="}"&&i<e.length;){r();let p=i,y=l(),R=c===""?A(y):`${c}/${A(y)}`;t.set(R,n.position(p,i)),r(),i+=1,a(R),r(),e[i]===","&&(i+=1),r()}i+=1}else if(f==="["){i+=1;let p=0;for(r();e[i]!=="]"&&i<e.length;)a(c===""?String(p):`${c}/${p}`),p+=1,r(),e[i]===","&&(i+=1),r();i+=1}else if(f==='"')l();else for(;i<e.length&&!/[\s,\]}]/.test(e[i]);)i+=1;o.set(c,n.position(m,i))};return a(""),{value:s,keys:t,values:o}}function A(e){return e.replace(/~/g,"~0").replace(/\//g,"~1")}function u(e,n){for(let t=n.length;t>=0;t-=1){let o=n.slice(0,t).map(i=>A(String(i))).join("/"),s=e.keys.get(o)??e.values.get(o);if(s)return s}return{line:1,column:1,endLine:1,endColumn:1}}function h(e,n){let t=n.map(o=>A(String(o))).join("/");return e.values.get(t)??u(e,n)}import{basename as L,dirname as K}from"node:path";function et(e){let n=L(e),t=L(K(e));if(n==="plugin.json"&&t===".claude-plugin")return"plugin";if(n==="marketplace.json")return"marketplace";if(n==="hooks.json")return"hooks";if(n===".mcp.json")return"mcp"}function x(e,n){let t=[];for(let o of e.files){if(o.type!=="json"||et(o.path)!==n)continue;let s=e.readText(o.path);if(s===void 0)continue;let i=je(s);if(i.error){e.report(o.path,{message:`${i.error.message}, expected valid JSON.`,position:i.error.position});continue}if(typeof i.value!="object"||i.value===null||Array.isArray(i.value)){e.report(o.path,{message:"Unexpected JSON value at the top level, expected an object.",position:{line:1,column:1}});continue}t.push({path:o.path,json:i,data:i.value})}return t}function N(e){let n=K(e);return L(n)===".claude-plugin"||L(n)==="hooks"?K(n):n}function O(e,n){let t=[],o=/["']?(\$\{CLAUDE_PLUGIN_ROOT\}[^\s"']*)["']?/g;for(let s=o.exec(e);s;s=o.exec(e))t.push({written:s[1],resolved:s[1].replace("${CLAUDE_PLUGIN_ROOT}",n)});return t}var tt=["commands","agents","skills","hooks","mcpServers","outputStyles","lspServers"],Se={meta:{id:"plugin-manifest",description:"`.claude-plugin/plugin.json`: kebab-case name, semver version, author object, keywords array, `./` component paths.",severity:"error",scope:"project",docs:{why:"Claude Code refuses to install a plugin whose manifest is malformed, and resolves component paths only when they are relative to the plugin root.",bad:`{
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
`,language:"json"}},check(e){for(let{path:n,json:t,data:o}of x(e,"plugin")){let s=(...r)=>h(t,r);if((typeof o.name!="string"||!_.test(o.name))&&e.report(n,{message:`Unexpected name ${JSON.stringify(o.name??null)}, expected a kebab-case string.`,position:o.name===void 0?u(t,[]):s("name")}),o.version!==void 0&&(typeof o.version!="string"||V.default.valid(o.version)===null)){let r=typeof o.version=="string"?V.default.coerce(o.version)?.version:void 0;e.report(n,{message:`Unexpected version ${JSON.stringify(o.version)}, expected a semantic version like "1.0.0".`,position:s("version"),...r?{fix:{description:`use "${r}"`,replacement:JSON.stringify(r)}}:{}})}let i=o.author;i!==void 0&&(typeof i!="object"||i===null||Array.isArray(i)||typeof i.name!="string")&&e.report(n,{message:`Unexpected author ${JSON.stringify(i)}, expected an object with a name: { "name": "..." }.`,position:s("author")}),o.keywords!==void 0&&(!Array.isArray(o.keywords)||o.keywords.some(r=>typeof r!="string"))&&e.report(n,{message:`Unexpected keywords ${JSON.stringify(o.keywords)}, expected an array of strings.`,position:s("keywords")});for(let r of tt){let l=o[r];(typeof l=="string"?[l]:Array.isArray(l)?l:[]).forEach((c,m)=>{typeof c!="string"||c.startsWith("./")||e.report(n,{message:`Unexpected ${r} path "${c}", expected a path starting with "./" (relative to the plugin root).`,position:typeof l=="string"?s(r):s(r,m),fix:{description:`write "./${c.replace(/^\/+/,"")}"`}})})}}}};import{resolve as ot,dirname as T,basename as nt}from"node:path";var De={meta:{id:"marketplace-manifest",description:"`marketplace.json`: kebab-case name, owner object, plugins with name and an existing `./` source.",severity:"error",scope:"project",docs:{why:"A marketplace entry without a valid source cannot be installed: `/plugin install` fails after the user already added the marketplace.",bad:`{
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
`,language:"json"}},check(e){for(let{path:n,json:t,data:o}of x(e,"marketplace")){let s=nt(T(n))===".claude-plugin"?T(T(n)):T(n);(typeof o.name!="string"||!_.test(o.name))&&e.report(n,{message:`Unexpected name ${JSON.stringify(o.name??null)}, expected a kebab-case string.`,position:h(t,["name"])});let i=o.owner;if((typeof i!="object"||i===null||typeof i.name!="string")&&e.report(n,{message:`Unexpected owner ${JSON.stringify(o.owner??null)}, expected an object with a name: { "name": "..." }.`,position:u(t,["owner"])}),!Array.isArray(o.plugins)||o.plugins.length===0){e.report(n,{message:'Unexpected marketplace without plugins, expected "plugins": [{ "name": ..., "source": "./" }].',position:u(t,["plugins"])});continue}o.plugins.forEach((r,l)=>{let a=typeof r=="object"&&r!==null?r:{};(typeof a.name!="string"||!_.test(a.name))&&e.report(n,{message:`Unexpected plugin name ${JSON.stringify(a.name??null)}, expected a kebab-case string.`,position:u(t,["plugins",l,"name"])});let c=a.source;typeof c=="string"?!c.startsWith("./")&&!/^[a-z]+:|^[\w.-]+\/[\w.-]+$/i.test(c)?e.report(n,{message:`Unexpected source "${c}", expected a path starting with "./", a GitHub "owner/repo", or a source object.`,position:h(t,["plugins",l,"source"])}):c.startsWith("./")&&!e.exists(ot(s,c))&&e.report(n,{message:`Unexpected source "${c}": no such folder, expected an existing plugin folder relative to the marketplace root.`,position:h(t,["plugins",l,"source"])}):(typeof c!="object"||c===null)&&e.report(n,{message:'Unexpected plugin without source, expected "source": "./" or a source object.',position:u(t,["plugins",l,"source"])})})}}};var Y=["PreToolUse","PostToolUse","PostToolUseFailure","PermissionRequest","UserPromptSubmit","Notification","Stop","SubagentStart","SubagentStop","SessionStart","SessionEnd","PreCompact"],Ue=["command","prompt","agent"],Ee={meta:{id:"hooks-manifest",description:"`hooks/hooks.json`: known events, typed hooks, and command hooks whose `${CLAUDE_PLUGIN_ROOT}` files exist.",severity:"error",scope:"project",docs:{why:"A misspelt event never fires and a missing script fails every tool call: the production guard would silently not run.",bad:`{
  "hooks": {
    "PreToolUses": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node \${CLAUDE_PLUGIN_ROOT}/missing.js" }] }
    ]
  }
}
`,good:`{
  "hooks": {
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "node \${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/guard-hook.js" }] }
    ]
  }
}
`,language:"json"}},check(e){for(let{path:n,json:t,data:o}of x(e,"hooks")){let s=N(n),i=o.hooks;if(typeof i!="object"||i===null||Array.isArray(i)){e.report(n,{message:'Unexpected hooks file without a "hooks" object, expected { "hooks": { "PreToolUse": [...] } }.',position:u(t,["hooks"])});continue}for(let[r,l]of Object.entries(i)){if(!Y.includes(r)){let a=g(r,Y);e.report(n,{message:`Unexpected hook event "${r}", expected one of ${Y.join(", ")}${a?` (did you mean "${a}"?)`:""}.`,position:u(t,["hooks",r]),...a?{fix:{description:`rename to "${a}"`,replacement:a}}:{}})}if(!Array.isArray(l)){e.report(n,{message:`Unexpected value for ${r}, expected an array of { "matcher", "hooks": [...] } groups.`,position:h(t,["hooks",r])});continue}l.forEach((a,c)=>{let m=a?.hooks;if(!Array.isArray(m)){e.report(n,{message:'Unexpected matcher group without "hooks", expected "hooks": [{ "type": "command", "command": "..." }].',position:h(t,["hooks",r,c])});return}m.forEach((f,p)=>{let y=f??{};if((typeof y.type!="string"||!Ue.includes(y.type))&&e.report(n,{message:`Unexpected hook type ${JSON.stringify(y.type??null)}, expected one of ${Ue.join(", ")}.`,position:u(t,["hooks",r,c,"hooks",p,"type"])}),y.type==="command"){if(typeof y.command!="string"||y.command.trim()===""){e.report(n,{message:'Unexpected command hook without a command, expected "command": "node ${CLAUDE_PLUGIN_ROOT}/...".',position:u(t,["hooks",r,c,"hooks",p,"command"])});return}for(let{written:R,resolved:B}of O(y.command,s))e.exists(B)||e.report(n,{message:`Unexpected missing file ${R} (${B}), expected the hook command to point at a file shipped with the plugin.`,position:h(t,["hooks",r,c,"hooks",p,"command"])})}})})}}}};var Pe={meta:{id:"mcp-manifest",description:"`.mcp.json`: each server has a command and an args array (or a url), and the files it names exist.",severity:"error",scope:"project",docs:{why:"A server that cannot start leaves every gate tool missing: the agent then has no gated path and falls back to raw commands.",bad:`{
  "mcpServers": {
    "shipgate": { "args": "\${CLAUDE_PLUGIN_ROOT}/missing.js" }
  }
}
`,good:`{
  "mcpServers": {
    "shipgate": { "command": "node", "args": ["\${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/cli.js", "mcp"] }
  }
}
`,language:"json"}},check(e){for(let{path:n,json:t,data:o}of x(e,"mcp")){let s=N(n),i=o.mcpServers;if(typeof i!="object"||i===null||Array.isArray(i)){e.report(n,{message:'Unexpected .mcp.json without an "mcpServers" object, expected { "mcpServers": { "name": { "command": ..., "args": [...] } } }.',position:u(t,["mcpServers"])});continue}for(let[r,l]of Object.entries(i)){let a=typeof l=="object"&&l!==null?l:{};if(typeof a.url=="string")continue;(typeof a.command!="string"||a.command.trim()==="")&&e.report(n,{message:`Unexpected server "${r}" without a command, expected "command": "node" (or a "url" for http servers).`,position:u(t,["mcpServers",r])}),a.args!==void 0&&(!Array.isArray(a.args)||a.args.some(m=>typeof m!="string"))&&e.report(n,{message:`Unexpected args ${JSON.stringify(a.args)} for server "${r}", expected an array of strings.`,position:h(t,["mcpServers",r,"args"])});let c=[a.command,...Array.isArray(a.args)?a.args:typeof a.args=="string"?[a.args]:[]].filter(m=>typeof m=="string");for(let m of c)for(let{written:f,resolved:p}of O(m,s))e.exists(p)||e.report(n,{message:`Unexpected missing file ${f} (${p}), expected the server to point at a file shipped with the plugin.`,position:h(t,["mcpServers",r,"args"])})}}}};var Ae={meta:{id:"pitfall-id-unique",description:"Pitfall ids are unique across the plugin.",severity:"error",scope:"project",docs:{why:"Learnings are counted per pitfall id after every run; a duplicate id merges two lessons into one counter.",bad:`<anti_patterns>
<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>
<pitfall name="missing_git_tag" impact="low">Tag not pushed</pitfall>
</anti_patterns>
`,good:`<anti_patterns>
<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>
<pitfall name="tag_not_pushed" impact="low">Tag not pushed</pitfall>
</anti_patterns>
`}},check(e){let n=new Map;for(let t of e.facts)for(let o of t.pitfalls){if(o.id==="")continue;let s=n.get(o.id);if(s===void 0){n.set(o.id,`${t.path}:${o.position.line}`);continue}e.report(t.path,{message:`Unexpected duplicate pitfall id "${o.id}" (first at ${s}), expected each pitfall id once per plugin.`,position:d(o.position)})}}};var Le={meta:{id:"gate-needs-mission-and-rollback",description:"A skill with a blocking gate also has `<mission_control>` and `<rollback_procedure>`.",severity:"warning",scope:"document",docs:{why:"Gating a deploy without stating its success criteria and its rollback leaves the operator with no plan when the gate passes and the deploy still fails.",bad:`<safety_gate type="blocking">
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
`}},check({document:e,report:n}){let t=e.model.safetyGates.find(s=>s.type==="blocking");if(!t)return;let o=[];e.model.missionControl.length===0&&o.push("<mission_control>"),e.model.rollbackProcedures.length===0&&o.push("<rollback_procedure>"),o.length!==0&&n({message:`Unexpected blocking safety_gate without ${o.join(" and ")}, expected a skill that states its mission and its rollback.`,position:d(t.position)})}};var it=[J,X,H,Z,ee,te,oe,ie,se,re,ae,ce,le,de,pe,me,ue,fe,ge,he,ye,ke,we,be,_e,ve,$e,Re,Se,De,Ee,Pe,Ae,Le],vn=it.map(e=>`${e.meta.id}:${e.meta.severity}`).join(",");function Rn(e){return`https://github.com/shipgate/shipgate/blob/main/docs/rules.md#${e}`}export{et as a,it as b,vn as c,Rn as d};
