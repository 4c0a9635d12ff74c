import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as y}from"./chunk-SPZHTR5Y.js";import{a as f}from"./chunk-2H2U5CIW.js";import{b as s,d as h}from"./chunk-NMGPS4VB.js";import"./chunk-TYU4NPII.js";import{a as l}from"./chunk-IF3WEIQG.js";import{g as c}from"./chunk-6WQYOEHN.js";import"./chunk-IW56FJZR.js";import"./chunk-B45GX5WA.js";import{a as u}from"./chunk-TDSCXAWF.js";import"./chunk-BPZ4ZMUR.js";import"./chunk-AHK5V45S.js";import{access as k,readFile as F}from"node:fs/promises";import{join as p}from"node:path";async function v(t){let e=await C(s.map(o=>p(t,o))),i=await b(t)??t.split("/").filter(Boolean).pop()??"app",n=await l("git",["remote","get-url","origin"],{cwd:t,timeoutMs:1e4}),r=n.exitCode===0&&n.stdout.trim()||void 0,a=await l("git",["symbolic-ref","--quiet","--short","HEAD"],{cwd:t,timeoutMs:1e4}),m=a.exitCode===0&&a.stdout.trim()?a.stdout.trim():"main",d=(await y(t,"specs/*/state.yaml")).map(o=>o.relativePath).sort(),g=$({app:i,remote:r,defaultBranch:m,stateFiles:d});return h(g,"shipgate.config.yaml (starter)"),{path:p(t,s[0]),app:i,remote:r,defaultBranch:m,stateFiles:d,text:g,existing:e}}async function x(t){if(t.existing)throw new c("A shipgate configuration already exists; init does not overwrite it.",{where:t.existing,hint:"Edit that file, or delete it first if you really want a fresh starter."});return await u(t.path,t.text),t.path}async function C(t){for(let e of t)try{return await k(e),e}catch{}return null}async function b(t){try{let e=JSON.parse(await F(p(t,"package.json"),"utf8"));return typeof e.name=="string"&&e.name.trim()?e.name.replace(/^@[^/]+\//,""):void 0}catch{return}}function w(t){return JSON.stringify(t)}function $(t){let e=t.stateFiles.length?`# Found Spec-Flow state files: ${t.stateFiles.slice(0,3).join(", ")}${t.stateFiles.length>3?", \u2026":""}.
# The bundled production-gate checks manual_gates.staging_validation.status = approved in the newest one.`:"# No specs/*/state.yaml found; the state check looks there (seed 003 layout) when you add one.";return`# shipgate configuration: production deployment, gated for real.
# Written by \`shipgate init\`. Every key is optional; \`shipgate validate\` and \`shipgate gate\` report
# mistakes with the key path. Durations are written like 30s, 5m, 24h.

app: ${w(t.app)}

versioning:
  tagPrefix: v
  changelog: CHANGELOG.md
  conventionalCommits: true
  # Extra files whose version is bumped with package.json:
  # files:
  #   - { path: app.json, key: expo.version }
  branch: ${w(t.defaultBranch)}
  remote: origin

# Never deploy Friday afternoon or the day before a holiday (seed 001). Override per environment.
window:
  timezone: UTC
  deny:
    - { days: [fri], from: "12:00", to: "23:59", reason: never deploy Friday afternoon }
  holidays: []            # e.g. ["2026-12-25"]
  denyBeforeHolidays: true

${e}
state:
  file: specs/*/state.yaml

environments:
  production:
    # Gate skills: bundled names or project paths like .claude/skills/my-gate/SKILL.md
    gates: [production-gate]
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
    monitor:
      duration: 30m
      interval: 10s
    receiptTtl: 30m
`}var j={name:"init",summary:"Write a commented starter shipgate.config.yaml for this repository.",usage:`  shipgate init [--dry-run] [--json]
    --dry-run  print the configuration instead of writing it`,options:{"dry-run":{type:"boolean"}},allowPositionals:!1,async run(t,e){let i=await v(await f(e.cwd)),n=t.values["dry-run"]===!0,r=n?null:await x(i);return t.json?e.stdout.write(`${JSON.stringify({ok:!0,written:r,dryRun:n,app:i.app,remote:i.remote??null,stateFiles:i.stateFiles,config:i.text},null,2)}
`):e.stdout.write(n?i.text:`Wrote ${r} (app ${i.app}${i.stateFiles.length?`, ${i.stateFiles.length} Spec-Flow state file(s)`:""}). Review it, then run \`shipgate gate\`.
`),0}};export{j as command};
