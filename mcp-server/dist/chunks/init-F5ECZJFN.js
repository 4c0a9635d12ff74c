import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{d as F,e as P}from"./chunk-5KHHRO4S.js";import{a as k}from"./chunk-VYZKFWJZ.js";import{a as $}from"./chunk-EZM2VYYU.js";import{c as u}from"./chunk-KNW6BDAH.js";import"./chunk-WONQZ3MF.js";import{a as b}from"./chunk-QKTWQ3PC.js";import{a as w}from"./chunk-CBP3U3C3.js";import{b as v}from"./chunk-UM3RPS7P.js";import{a as g}from"./chunk-TORWM5X5.js";import"./chunk-2XU3HKCJ.js";import"./chunk-DIYJQ7UG.js";import"./chunk-DXJVJXCL.js";import"./chunk-NUEM3ZIG.js";import"./chunk-MPVA2EXV.js";import"./chunk-TYU4NPII.js";import{g as y}from"./chunk-4T5YWJOW.js";import"./chunk-3SBZGX63.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-GMT43W3S.js";import{a as c}from"./chunk-KIOQDVAH.js";import"./chunk-AHK5V45S.js";import{access as _,readFile as G}from"node:fs/promises";import{join as h}from"node:path";async function C(t){let e=await L(g.map(l=>h(t,l))),a=await N(t)??t.split("/").filter(Boolean).pop()??"app",i=await u(t,["remote","get-url","origin"],{timeoutMs:1e4}),s=i.exitCode===0&&i.stdout.trim()||void 0,r=await u(t,["symbolic-ref","--quiet","--short","HEAD"],{timeoutMs:1e4}),o=r.exitCode===0&&r.stdout.trim()?r.stdout.trim():"main",n=(await $(t,"specs/*/state.yaml")).map(l=>l.relativePath).sort(),m=S({app:a,remote:s,defaultBranch:o,stateFiles:n});return v(m,"shipgate.config.yaml (starter)"),{path:h(t,g[0]),app:a,remote:s,defaultBranch:o,stateFiles:n,text:m,existing:e}}async function j(t){if(t.existing)throw new y("A shipgate configuration already exists; init does not overwrite it.",{where:t.existing,hint:"Edit that file, or delete it first if you really want a fresh starter. For the /deploy-production ... aliases alone, run `shipgate aliases`."});return await c(t.path,t.text),t.path}async function L(t){for(let e of t)try{return await _(e),e}catch{}return null}async function N(t){try{let e=JSON.parse(await G(h(t,"package.json"),"utf8"));return typeof e.name=="string"&&e.name.trim()?e.name.replace(/^@[^/]+\//,""):void 0}catch{return}}function x(t){return JSON.stringify(t)}function S(t){let e=t.stateFiles.length?`# Found Spec-Flow state files: ${t.stateFiles.slice(0,3).join(", ")}${t.stateFiles.length>3?", \u2026":""}.
# In the newest one, production-promotion checks manual_gates.staging_validation.status = approved
# and production-gate checks quality_gates.rollback.status = passed (and migrations passed or not_applicable).`:`# No specs/*/state.yaml found; the state checks look there (seed 003 layout): until one says
# manual_gates.staging_validation.status = approved, the production gate blocks.`;return`# shipgate configuration: production deployment, gated for real.
# Written by \`shipgate init\`. Every key is optional; \`shipgate validate\` and \`shipgate gate\` report
# mistakes with the key path. Durations are written like 30s, 5m, 24h.

app: ${x(t.app)}

versioning:
  tagPrefix: v
  changelog: CHANGELOG.md
  conventionalCommits: true
  # Extra files whose version is bumped with package.json:
  # files:
  #   - { path: app.json, key: expo.version }
  branch: ${x(t.defaultBranch)}
  remote: origin

# Never deploy Friday afternoon or the day before a holiday (seed 001). Override per environment.
window:
  timezone: UTC
  deny:
    - { days: [fri], from: "12:00", to: "23:59", reason: never deploy Friday afternoon }
  holidays: []            # e.g. ["2026-12-25"]
  denyBeforeHolidays: true

# Notify stakeholders once a deploy's or rollback's outcome is known (seed 000). An argument vector run
# without a shell; {env} {status} {kind} {version} {tag} {sha} {previous_version} {deployment_id} {url}
# {reason} {record} are filled in. Its output and exit code go into the record; a failure never changes
# the outcome. An environment's own notify: replaces this one.
# notify:
#   command: [node, scripts/notify.mjs, "{env}", "{version}", "{status}", "{url}"]
#   on: [succeeded, rolled_back, failed]
#   timeout: 30s

${e}
state:
  file: specs/*/state.yaml

environments:
  production:
    # Gate skills: bundled names or project paths like .claude/skills/my-gate/SKILL.md.
    # production-gate: tests, review, migrations, backups, plan, rollback, monitoring, team, window (seed 001).
    # production-promotion: staging approval, rollback gate, git remote, this file (seed 003, /ship-prod).
    # Both run for every production gate_check (and this is also the default when gates is empty);
    # \`shipgate bump\` refuses to tag while the state file says the staging validation is not approved.
    gates: [production-gate, production-promotion]
    # url: https://example.com   # {url} in http checks and health checks
    provider:
      # git-push: deploying = pushing to a branch your platform watches${t.remote?`
      # (origin is ${t.remote})`:""}
      type: git-push
      remote: origin
      branch: production
      # Or: type: command, deploy: [./scripts/deploy.sh, "{version}"]
      # Or: type: kubernetes, context: prod, namespace: production, deployment: ${t.app.replace(/[^a-z0-9-]/gi,"-").toLowerCase()}
    strategy:
      type: rolling
    health:
      checks:
        - { path: /health, status: 200 }
        # Proves production runs the release just shipped, after every deploy, promotion and rollback
        # ({version} is filled in); a status-only check passes on the old release too:
        # - { name: version, path: /api/version, json: { version: "{version}" } }
    monitor:
      duration: 30m
      interval: 10s
    receiptTtl: 30m
`}import{readFile as A}from"node:fs/promises";import{join as O}from"node:path";var B=["# shipgate: never committed (gate state lives outside the repository; these are local)",".claude/settings.local.json",".claude/shipgate/*","!.claude/shipgate/learnings/"],T=["# shipgate: committed and reviewed: shipgate.config.yaml, .claude/settings.json, the deployment","# records in .claude/processes/ and the learnings events (append-only lines, merged by union)",".claude/shipgate/learnings/events.jsonl merge=union"];async function I(t){let e=[];for(let[a,i]of[[".gitignore",B],[".gitattributes",T]]){let s=O(t,a),r=(await A(s,"utf8").catch(()=>"")).split(/\r?\n/).map(n=>n.trim()),o=i.filter(n=>!r.includes(n));o.some(n=>!n.startsWith("#"))&&e.push({file:s,add:o})}return e}async function E(t){for(let e of t){let a=await A(e.file,"utf8").catch(()=>""),i=a===""||a.endsWith(`
`)?"":`
`;await c(e.file,`${a}${i}${a?`
`:""}${e.add.join(`
`)}
`)}}var nt={name:"init",summary:"Write a commented starter shipgate.config.yaml (and the /deploy-production, /ship-prod ... aliases) for this repository.",usage:`  shipgate init [--dry-run] [--json]
    --dry-run  print the configuration instead of writing it

  Also writes the project aliases in .claude/commands/ (see \`shipgate aliases --help\`).`,options:{"dry-run":{type:"boolean"}},allowPositionals:!1,async run(t,e){let a=await k(e.cwd),i=await C(a),s=await I(a),r=b(e.env),o=r?await F(a,r,w):void 0,n=t.values["dry-run"]===!0,m=n?null:await j(i);n||await E(s);let l=o&&!n?await P(o):[],f=(o?.entries??[]).map(d=>({name:d.name,path:d.path,state:d.state}));if(t.json)e.stdout.write(`${JSON.stringify({ok:!0,written:m,dryRun:n,app:i.app,remote:i.remote??null,stateFiles:i.stateFiles,config:i.text,gitLines:s,aliases:f},null,2)}
`);else if(n)e.stdout.write(i.text);else{e.stdout.write(`Wrote ${m} (app ${i.app}${i.stateFiles.length?`, ${i.stateFiles.length} Spec-Flow state file(s)`:""}).${s.length?` Added what to commit and what never to ${s.map(p=>p.file.split("/").pop()).join(" and ")}.`:""} Review it, then run \`shipgate gate\`.
`);let d=f.filter(p=>p.state==="kept").map(p=>`/${p.name}`);l.length>0&&e.stdout.write(`Wrote ${l.length} command alias(es) in .claude/commands/: ${l.map(p=>`/${p.name}`).join(", ")} (the same as /shipgate:<name>).
`),d.length>0&&e.stdout.write(`Kept the project's own ${d.join(", ")}: use /shipgate:<name> for shipgate's.
`),o||e.stdout.write(`No command aliases written: the shipgate plugin folder was not found. Use /shipgate:deploy-production.
`)}return 0}};export{nt as command};
