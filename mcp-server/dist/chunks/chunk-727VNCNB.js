import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  statePaths
} from "./chunk-3HRCFEKB.js";
import {
  ConflictError
} from "./chunk-Z6DQB4O2.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";

// mcp-server/src/records/deployment-record.ts
import { readdir, readFile as readFile2, stat } from "node:fs/promises";
import { hostname as hostname2 } from "node:os";
import { join as join2 } from "node:path";

// mcp-server/src/deploy/lock.ts
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function acquireDeployLock(projectRoot, environment, operation, now = /* @__PURE__ */ new Date()) {
  const dir = statePaths(projectRoot).locks;
  const file = join(dir, `${environment}.lock`);
  await mkdir(dir, { recursive: true });
  const holder = { pid: process.pid, host: hostname(), operation, startedAt: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${JSON.stringify(holder)}
`);
      await handle.close();
      return async () => {
        const current = await readHolder(file);
        if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) await rm(file, { force: true });
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const current = await readHolder(file);
      if (current && current.host === hostname() && !isProcessAlive(current.pid)) {
        await rm(file, { force: true });
        continue;
      }
      if (!current) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (!await readHolder(file)) await rm(file, { force: true });
        continue;
      }
      throw new ConflictError(`Another ${current.operation} holds the ${environment} lock.`, {
        where: file,
        expected: "no other deploy or rollback running for this environment",
        found: `pid ${current.pid} on ${current.host}, started ${current.startedAt}`,
        hint: `Wait for it to finish. If that process is gone, delete ${file}.`
      });
    }
  }
  throw new ConflictError(`Could not take the ${environment} lock.`, { where: file, hint: `Delete ${file} if no shipgate process is running.` });
}
async function readHolder(file) {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    return typeof parsed.pid === "number" ? parsed : void 0;
  } catch {
    return void 0;
  }
}

// mcp-server/src/records/render-record.ts
var STATUS_WORD = {
  in_progress: "IN PROGRESS",
  succeeded: "SUCCEEDED",
  rolled_back: "ROLLED BACK",
  failed: "FAILED",
  aborted: "ABORTED",
  blocked: "BLOCKED"
};
function cell(text) {
  return (text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function stepRows(steps) {
  return steps.map((s) => `| ${cell(s.id)} | ${s.kind} | ${s.status} | ${s.startedAt ?? ""} | ${s.finishedAt ?? ""} | ${Math.round(s.timeoutMs / 1e3)}s | ${cell(s.commands?.map((c) => `\`${c.join(" ")}\``).join("<br>"))} | ${cell(s.detail)} |`);
}
function mermaidLabel(text) {
  return text.replace(/[:#;]/g, " ").slice(0, 60);
}
function renderRecordMarkdown(record) {
  const lines = [];
  lines.push(`# ${record.kind === "deploy" ? "Deployment" : "Rollback"} ${record.tag} to ${record.environment}: ${STATUS_WORD[record.status]}`, "");
  lines.push(`| field | value |`, `|---|---|`);
  lines.push(`| status | ${STATUS_WORD[record.status]} |`);
  lines.push(`| environment | ${record.environment} |`, `| version | ${record.version} |`, `| tag | ${record.tag} |`, `| commit | ${record.commit} |`);
  lines.push(`| previous | ${record.previous ? `${record.previous.tag} (${record.previous.sha.slice(0, 12)})` : "none"} |`);
  lines.push(`| strategy | ${record.strategy} |`, `| provider | ${record.provider} |`, `| started | ${record.startedAt} |`, `| finished | ${record.finishedAt ?? "\u2014"} |`);
  lines.push(`| run by | pid ${record.pid} on ${record.host} |`);
  if (record.reason) lines.push(`| reason | ${cell(record.reason)} |`);
  lines.push("");
  lines.push("## Gate checklist", "");
  if (record.receipt && record.receipt.checks.length) {
    lines.push(`Receipt ${record.receipt.id ?? ""} issued ${record.receipt.issuedAt ?? ""}`, "", "| check | result | detail | attested by | evidence |", "|---|---|---|---|---|");
    for (const c of record.receipt.checks) lines.push(`| ${cell(c.id)} | ${c.status} | ${cell(c.detail)} | ${cell(c.attestedBy)} | ${cell(c.evidence)} |`);
  } else {
    lines.push(record.receipt ? "The receipt lists no checks." : "No gate receipt (a rollback restores a release that was gated when it shipped).");
  }
  lines.push("", "## Steps", "", "| step | kind | status | started | finished | timeout | commands | detail |", "|---|---|---|---|---|---|---|---|", ...stepRows(record.steps));
  if (record.measurements.length) {
    lines.push("", "## Health and monitor measurements", "", "| at | step | measure | value | threshold | ok |", "|---|---|---|---|---|---|");
    for (const m of record.measurements.slice(-200)) lines.push(`| ${m.at} | ${cell(m.step)} | ${cell(m.name)} | ${m.value} | ${cell(m.threshold)} | ${m.ok ? "yes" : "NO"} |`);
  }
  if (record.rollback) {
    const r = record.rollback;
    lines.push("", "## Incident report: automatic rollback", "");
    lines.push(`- **Trigger:** ${r.trigger}`, `- **Rolled back to:** ${record.previous ? record.previous.tag : "nothing (no previous release)"}`, `- **Started:** ${r.startedAt}`, `- **Finished:** ${r.finishedAt ?? "\u2014"}`);
    lines.push(`- **Verified by health checks afterwards:** ${r.verified === void 0 ? "not checked" : r.verified ? "yes" : "NO: production needs attention now"}`);
    if (r.detail) lines.push(`- **Detail:** ${r.detail}`);
    lines.push("- **Next:** find the cause before redeploying; `/retrospect` records what the team learned.");
    if (r.steps.length) lines.push("", "| step | kind | status | started | finished | timeout | commands | detail |", "|---|---|---|---|---|---|---|---|", ...stepRows(r.steps));
  }
  if (record.changelogExcerpt) lines.push("", "## Changelog excerpt", "", "```text", record.changelogExcerpt.replace(/```/g, "'''"), "```");
  const timed = [...record.steps, ...record.rollback?.steps ?? []].filter((s) => s.startedAt && s.finishedAt);
  if (timed.length) {
    lines.push("", "## Timeline", "", "```mermaid", "gantt", `  title ${mermaidLabel(`${record.kind} ${record.tag} to ${record.environment}`)}`, "  dateFormat YYYY-MM-DDTHH:mm:ss.SSSZ", "  axisFormat %H:%M:%S");
    for (const s of timed) {
      const tag = s.status === "failed" ? "crit, " : "";
      const start = Date.parse(s.startedAt);
      const end = Math.max(Date.parse(s.finishedAt), start + 1);
      lines.push(`  ${mermaidLabel(s.id)} :${tag}${new Date(start).toISOString().replace("Z", "+0000")}, ${end - start}ms`);
    }
    lines.push("```");
  }
  lines.push("", `<!-- shipgate record ${record.id}; machine-readable sibling: ${record.files.json.split("/").pop()} -->`, "");
  return lines.join("\n");
}

// mcp-server/src/records/deployment-record.ts
async function allocateRecordPaths(recordsDir, release, date) {
  const day = date.toISOString().slice(0, 10);
  const safe = release.replace(/[^0-9A-Za-z._-]/g, "_");
  for (let n = 1; n < 1e3; n += 1) {
    const stem = join2(recordsDir, `deployment-${safe}-${day}${n === 1 ? "" : `-${n}`}`);
    try {
      await stat(`${stem}.json`);
    } catch {
      try {
        await stat(`${stem}.md`);
      } catch {
        return { markdown: `${stem}.md`, json: `${stem}.json` };
      }
    }
  }
  throw new Error(`too many records for ${release} on ${day}`);
}
function newRecord(fields) {
  return { v: 1, pid: process.pid, host: hostname2(), status: "in_progress", measurements: [], steps: [], ...fields };
}
async function writeRecord(record) {
  await writeFileAtomic(record.files.json, `${JSON.stringify(record, null, 2)}
`);
  await writeFileAtomic(record.files.markdown, renderRecordMarkdown(record));
}
async function readRecords(recordsDir) {
  let names;
  try {
    names = await readdir(recordsDir);
  } catch {
    return [];
  }
  const records = [];
  for (const name of names.filter((n) => /^deployment-.*\.json$/.test(n))) {
    try {
      const parsed = JSON.parse(await readFile2(join2(recordsDir, name), "utf8"));
      if (parsed.v === 1 && typeof parsed.id === "string") records.push(parsed);
    } catch {
    }
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
async function markAbortedRecords(recordsDir, now = /* @__PURE__ */ new Date()) {
  const changed = [];
  for (const record of await readRecords(recordsDir)) {
    if (record.status !== "in_progress") continue;
    if (record.host === hostname2() && isProcessAlive(record.pid) && record.pid !== process.pid) continue;
    if (record.host !== hostname2()) continue;
    record.status = "aborted";
    record.finishedAt = now.toISOString();
    for (const step of record.steps) if (step.status === "running") Object.assign(step, { status: "failed", detail: "process ended during this step", finishedAt: record.finishedAt });
    record.reason = `${record.reason ? `${record.reason}; ` : ""}the shipgate process (pid ${record.pid}) ended before the ${record.kind} finished; marked aborted at ${record.finishedAt}. Check what serves now (\`shipgate health --env ${record.environment}\`) and clear what the run left behind with \`shipgate rollback --env ${record.environment} --reason "aborted deploy"\``;
    await writeRecord(record);
    changed.push(record);
  }
  return changed;
}

export {
  acquireDeployLock,
  allocateRecordPaths,
  newRecord,
  writeRecord,
  readRecords,
  markAbortedRecords
};
