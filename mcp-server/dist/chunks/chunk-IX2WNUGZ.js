import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  recordRun
} from "./chunk-6XT3FFCB.js";
import {
  loadConfig
} from "./chunk-NRUS7RPD.js";
import {
  resolveInsideProject
} from "./chunk-OI4SVB5F.js";
import {
  STATE_DIR,
  statePaths
} from "./chunk-3HRCFEKB.js";
import {
  runArgv
} from "./chunk-GHJBZYRF.js";
import {
  BlockedError,
  ConfigError,
  ConflictError,
  FailedError,
  InternalError,
  ShipgateError,
  UsageError,
  quote
} from "./chunk-Z6DQB4O2.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import {
  require_semver
} from "./chunk-4LOJUVA5.js";
import {
  __toESM
} from "./chunk-CMTZTRQJ.js";

// mcp-server/src/release/apply-release.ts
import { join as join2 } from "node:path";

// mcp-server/src/release/git.ts
var UNBOUNDED = Number.MAX_SAFE_INTEGER;
function git(root, args, options = {}) {
  return runArgv("git", args, {
    cwd: root,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 12e4,
    maxOutput: UNBOUNDED,
    // Never ask for credentials or an editor on a terminal: a release runs unattended.
    env: { GIT_TERMINAL_PROMPT: "0", GIT_EDITOR: "true", LC_ALL: "C" }
  });
}
async function gitOk(root, args, options = {}) {
  const result = await git(root, args, options);
  if (result.exitCode !== 0) {
    throw new FailedError(`git ${args[0] ?? ""} failed (exit ${result.exitCode}).`, {
      where: `git ${args.join(" ")}`.slice(0, 200),
      found: (result.stderr || result.stdout || result.spawnError || "").trim().slice(-600),
      hint: "Read git\u2019s message above; fix the repository state and run `shipgate bump` again."
    });
  }
  return result.stdout;
}
async function gitTest(root, args) {
  return (await git(root, args)).exitCode === 0;
}

// mcp-server/src/release/journal.ts
import { readFile, rm, rmdir } from "node:fs/promises";
import { dirname } from "node:path";
function journalPath(root) {
  return statePaths(root).releases;
}
async function readJournal(root) {
  let text;
  try {
    text = await readFile(journalPath(root), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  try {
    const data = JSON.parse(text);
    if (data.v !== 1 || typeof data.tag !== "string" || !Array.isArray(data.files)) throw new Error("unexpected shape");
    return data;
  } catch (error) {
    throw new ConfigError("The release journal cannot be read.", {
      where: journalPath(root),
      expected: "the JSON journal an interrupted `shipgate bump` leaves behind",
      found: error.message,
      hint: "Inspect `git log -1`, `git tag` and `git status`; undo any half-made release commit/tag by hand, then delete this file."
    });
  }
}
async function writeJournal(root, journal) {
  await writeFileAtomic(journalPath(root), `${JSON.stringify(journal, null, 2)}
`);
}
async function removeJournal(root) {
  const path = journalPath(root);
  await rm(path, { force: true });
  for (let dir = dirname(path); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      break;
    }
  }
}

// mcp-server/src/release/crash-hook.ts
var TestCrash = class extends Error {
  constructor(step, abandon) {
    super(`SHIPGATE_TEST_CRASH_AT=${step}: injected failure (test only).`);
    this.step = step;
    this.abandon = abandon;
  }
  step;
  abandon;
};
function checkpoint(step, env) {
  if (env.SHIPGATE_TEST_CRASH_AT !== step) return;
  const mode = env.SHIPGATE_TEST_CRASH_MODE;
  if (mode === "kill") process.kill(process.pid, "SIGKILL");
  throw new TestCrash(step, mode === "abandon");
}

// mcp-server/src/release/rollback-release.ts
import { rm as rm2 } from "node:fs/promises";
import { join } from "node:path";
async function rollbackRelease(root, journal) {
  const done = [];
  if (await gitTest(root, ["rev-parse", "-q", "--verify", `refs/tags/${journal.tag}`])) {
    await gitOk(root, ["tag", "-d", journal.tag]);
    done.push(`deleted tag ${journal.tag}`);
  }
  const head = (await git(root, ["rev-parse", "-q", "--verify", "HEAD"])).stdout.trim();
  const branch = (await git(root, ["symbolic-ref", "-q", "--short", "HEAD"])).stdout.trim();
  if (head !== journal.headBefore) {
    const parent = (await git(root, ["rev-parse", "-q", "--verify", "HEAD^"])).stdout.trim();
    const subject = (await git(root, ["log", "-1", "--format=%s"])).stdout.trim();
    const ours = branch === journal.branch && parent === journal.headBefore && subject === journal.commitMessage;
    if (!ours) {
      throw new ConflictError(`Cannot undo the interrupted release ${journal.tag} automatically: HEAD moved since it started.`, {
        where: `branch ${branch || "(detached)"} at ${head.slice(0, 12)}`,
        expected: `HEAD at ${journal.headBefore.slice(0, 12)} or the release commit "${journal.commitMessage}" directly on top of it`,
        hint: `Inspect \`git log\`; if a "${journal.commitMessage}" commit is still there, remove it by hand, then delete ${join(".claude/shipgate", "release-journal.json")}.`
      });
    }
    await gitOk(root, ["reset", "-q", "--mixed", journal.headBefore]);
    done.push(`removed release commit ${head.slice(0, 12)} (branch ${branch} back at ${journal.headBefore.slice(0, 12)})`);
  } else if (journal.headBefore) {
    await gitOk(root, ["reset", "-q", "--mixed", journal.headBefore]);
  }
  for (const file of journal.files) {
    const path = join(root, file.path);
    if (file.before === null) await rm2(path, { force: true });
    else await writeFileAtomic(path, file.before);
  }
  if (journal.files.length) done.push(`restored ${journal.files.map((file) => file.path).join(", ")}`);
  await removeJournal(root);
  return done;
}

// mcp-server/src/release/apply-release.ts
async function applyRelease(plan, options = {}) {
  const env = options.env ?? process.env;
  const root = plan.projectRoot;
  if (!plan.nextVersion || !plan.tag || !plan.commitMessage || !plan.tagMessage || !plan.branch || !plan.head) {
    throw new InternalError("applyRelease called with a plan that has nothing to release or no branch/HEAD.");
  }
  if (plan.refusals.length) throw new InternalError("applyRelease called with a refused plan.");
  if (await readJournal(root)) {
    throw new ConflictError("An interrupted release journal exists.", { hint: "Run `shipgate bump` again: it repairs the interrupted release first." });
  }
  const journal = {
    v: 1,
    pid: process.pid,
    startedAt: (options.now?.() ?? /* @__PURE__ */ new Date()).toISOString(),
    step: "write-files",
    version: plan.nextVersion,
    tag: plan.tag,
    branch: plan.branch,
    headBefore: plan.head,
    commitMessage: plan.commitMessage,
    push: plan.push,
    remote: plan.remote,
    files: plan.files.map((file) => ({ path: file.path, before: file.before }))
  };
  const step = async (name) => {
    journal.step = name;
    await writeJournal(root, journal);
    checkpoint(name, env);
  };
  let pushed = false;
  try {
    await step("write-files");
    let first = true;
    for (const file of plan.files) {
      await writeFileAtomic(join2(root, file.path), file.after);
      if (first) {
        first = false;
        checkpoint("write-files:partial", env);
      }
    }
    await step("stage");
    await gitOk(root, ["add", "--", ...plan.files.map((file) => file.path)]);
    await step("commit");
    await gitOk(root, ["commit", "-q", "--cleanup=verbatim", "-m", plan.commitMessage]);
    journal.releaseCommit = (await gitOk(root, ["rev-parse", "HEAD"])).trim();
    await step("tag");
    await gitOk(root, ["tag", "-a", "--cleanup=whitespace", plan.tag, "-F", "-"], { input: plan.tagMessage });
    if (plan.push) {
      await step("push");
      const target = plan.upstream && plan.upstream.startsWith(`${plan.remote}/`) ? plan.upstream.slice(plan.remote.length + 1) : plan.branch;
      const result = await git(root, ["push", "--atomic", "--porcelain", plan.remote, `refs/heads/${plan.branch}:refs/heads/${target}`, `refs/tags/${plan.tag}`]);
      if (result.exitCode !== 0) {
        throw new ConflictError(`The push to ${plan.remote} was rejected; nothing was published.`, {
          where: `git push --atomic ${plan.remote} ${plan.branch}:${target} ${plan.tag}`,
          found: (result.stderr || result.stdout).trim().split("\n").slice(-4).join(" | "),
          hint: `The local release commit and tag were removed. Bring the branch up to date (\`git pull --rebase ${plan.remote} ${target}\`) and run \`shipgate bump --push\` again.`
        });
      }
      pushed = true;
      await step("pushed");
    }
    await step("finish");
    await removeJournal(root);
    return { version: plan.nextVersion, tag: plan.tag, commit: journal.releaseCommit, pushed, files: plan.files.map((file) => file.path) };
  } catch (error) {
    if (error instanceof TestCrash && error.abandon) throw error;
    if (pushed) {
      await removeJournal(root).catch(() => void 0);
      throw new FailedError(`Release ${plan.tag} was pushed, but a later step failed: ${error.message}`, {
        hint: `Nothing to undo: ${plan.tag} and its commit are on ${plan.remote}. Continue with the deploy.`
      });
    }
    let undone;
    try {
      undone = await rollbackRelease(root, journal);
    } catch (rollbackError) {
      throw new FailedError(`Release ${plan.tag} failed and could not be undone automatically: ${rollbackError.message}`, {
        where: join2(root, ".claude/shipgate/release-journal.json"),
        hint: "The journal is kept; run `shipgate bump` again to retry the repair, or follow the message above."
      });
    }
    if (error instanceof ShipgateError) {
      error.details.hint = `${error.details.hint ? `${error.details.hint} ` : ""}Undone: ${undone.join("; ") || "nothing had been written"}.`;
      throw error;
    }
    throw new FailedError(`Release ${plan.tag} failed at step "${journal.step}": ${error.message}`, {
      hint: `Nothing was released. Undone: ${undone.join("; ") || "nothing had been written"}. Fix the cause and run \`shipgate bump\` again.`
    });
  }
}

// mcp-server/src/release/plan-release.ts
var import_semver4 = __toESM(require_semver(), 1);
import { relative as relative2 } from "node:path";

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^[\\s|*]*(${noteKeywordsSelection})[:\\s]+(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "g" : "gi";
  return new RegExp(`(?:.*?)??\\s*([\\w-\\.\\/]*?)??(${joinOr(issuePrefixes)})([\\w-]+)(?=\\s|$|[,;)\\]])`, flags);
}
function getReferencesRegex(referenceActions) {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  return new RegExp(`(${joinedKeywords})(?:\\s+(.*?))(?=(?:${joinedKeywords})|$)`, "gi");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  return {
    notes,
    referenceParts,
    references,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line) {
  return src ? `${src}
${line || ""}` : line || "";
}
function getCommentFilter(char) {
  return char ? (line) => !line.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line) {
  return !line.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  fieldPattern: /^-(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input) {
    const { regexes } = this;
    const regex = input.match(regexes.references) ? regexes.references : /()(.+)/gi;
    const references = [];
    let matches;
    let action;
    let sentence;
    let reference;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      action = matches[1] || null;
      sentence = matches[2] || "";
      while (true) {
        reference = this.parseReference(sentence, action);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line = this.currentLine();
    while (line !== void 0 && !line.trim()) {
      this.nextLine();
      line = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let references = [];
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        references = this.parseReferences(this.currentLine());
        if (references.length) {
          commit.references.push(...references);
        } else {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (references.length) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const references = this.parseReferences(this.currentLine());
    const isStillBody = !references.length && isBody;
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.references.push(...references);
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    if (commit.body) {
      commit.body = trimNewLines(commit.body);
    }
    if (commit.footer) {
      commit.footer = trimNewLines(commit.footer);
    }
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line) => commentFilter(line) && gpgFilter(line)) : rawLines.filter((line) => gpgFilter(line));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// mcp-server/src/release/commits.ts
var import_semver = __toESM(require_semver(), 1);
var RECORD = "";
var FIELD = "";
var parser = new CommitParser({
  headerPattern: /^(\w*)(?:\((.*)\))?!?: (.*)$/,
  breakingHeaderPattern: /^(\w*)(?:\((.*)\))?!: (.*)$/,
  headerCorrespondence: ["type", "scope", "subject"],
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  // Issue references are not needed for a version decision and cost two thirds of the parse time.
  issuePrefixes: [],
  referenceActions: []
});
function parseCommitMessage(hash, message) {
  const trimmed = message.replace(/^\s+/, "");
  const header = trimmed.split("\n", 1)[0] ?? "";
  let parsed;
  try {
    parsed = parser.parse(/BREAKING[ -]CHANGE/i.test(trimmed) ? trimmed : header);
  } catch {
    return { hash, header, type: null, scope: null, subject: null, breaking: false, breakingNotes: [] };
  }
  const notes = parsed.notes.filter((note) => /^BREAKING[ -]CHANGE$/i.test(note.title));
  return {
    hash,
    header,
    type: parsed.type ? parsed.type.toLowerCase() : null,
    scope: parsed.scope ?? null,
    subject: parsed.subject ?? null,
    breaking: notes.length > 0,
    breakingNotes: notes.map((note) => note.text.trim()).filter(Boolean)
  };
}
async function findLastReleaseTags(root, tagPrefix) {
  const out = await git(root, ["tag", "--merged", "HEAD", "--list", `${tagPrefix}*`]);
  let any = null;
  let stable = null;
  if (out.exitCode !== 0) return { any, stable };
  for (const name of out.stdout.split("\n")) {
    const trimmed = name.trim();
    if (!trimmed.startsWith(tagPrefix)) continue;
    const version = import_semver.default.valid(trimmed.slice(tagPrefix.length));
    if (!version) continue;
    if (!any || import_semver.default.gt(version, any.version)) any = { name: trimmed, version };
    if (!import_semver.default.prerelease(version) && (!stable || import_semver.default.gt(version, stable.version))) stable = { name: trimmed, version };
  }
  return { any, stable };
}
async function readCommitsSince(root, since) {
  const hasHead = (await git(root, ["rev-parse", "--verify", "-q", "HEAD"])).exitCode === 0;
  if (!hasHead) return [];
  const range = since ? `refs/tags/${since}..HEAD` : "HEAD";
  const out = await gitOk(root, ["log", `--format=%H${FIELD}%B${RECORD}`, range]);
  const commits = [];
  for (const record of out.split(RECORD)) {
    const cut = record.indexOf(FIELD);
    if (cut < 0) continue;
    const hash = record.slice(0, cut).trim();
    if (!hash) continue;
    commits.push(parseCommitMessage(hash, record.slice(cut + 1)));
  }
  return commits;
}

// mcp-server/src/release/bump-rules.ts
var BUMP_RANK = { none: 0, patch: 1, minor: 2, major: 3 };
function commitLevel(commit) {
  if (commit.breaking) return "major";
  switch (commit.type) {
    case "feat":
      return "minor";
    case "fix":
    case "perf":
      return "patch";
    default:
      return "none";
  }
}
function impliedBump(commits, currentVersion, breakingBelowOne) {
  let level = "none";
  let reasons = [];
  for (const commit of commits) {
    const own = commitLevel(commit);
    if (own === "none") continue;
    if (BUMP_RANK[own] > BUMP_RANK[level]) {
      level = own;
      reasons = [commit];
    } else if (own === level) {
      reasons.push(commit);
    }
  }
  const belowOne = /^0\./.test(currentVersion);
  let adjusted = false;
  if (level === "major" && belowOne && breakingBelowOne === "minor") {
    level = "minor";
    adjusted = true;
  }
  return { level, reasons, summary: summarize(level, reasons, adjusted) };
}
function summarize(level, reasons, adjusted) {
  if (level === "none") return "no feat, fix, perf or breaking commits since the last release";
  const kind = reasons[0]?.breaking ? "breaking" : reasons[0]?.type ?? "releasable";
  const sample = reasons.slice(0, 3).map((commit) => `"${commit.header}"`).join(", ");
  const more = reasons.length > 3 ? ` and ${reasons.length - 3} more` : "";
  const note = adjusted ? " (breaking changes bump minor below 1.0.0; set versioning.breakingBelowOne: major to change that)" : "";
  return `${level}: ${reasons.length} ${kind} commit${reasons.length === 1 ? "" : "s"} (${sample}${more})${note}`;
}

// mcp-server/src/release/next-version.ts
var import_semver2 = __toESM(require_semver(), 1);
function decideVersion(current, implied, request, preid) {
  if (request === "auto") {
    if (implied === "none") return { next: null, chosen: "none", tooSmall: false };
    return { next: import_semver2.default.inc(current, implied), chosen: implied, tooSmall: false };
  }
  if (request === "prerelease") {
    const existing = import_semver2.default.prerelease(current);
    let next;
    if (existing) {
      next = preid ? import_semver2.default.inc(current, "prerelease", preid) : import_semver2.default.inc(current, "prerelease");
    } else {
      const level = implied === "none" ? "patch" : implied;
      const release = `pre${level}`;
      next = preid ? import_semver2.default.inc(current, release, preid) : import_semver2.default.inc(current, release);
    }
    return { next, chosen: "prerelease", tooSmall: false };
  }
  return { next: import_semver2.default.inc(current, request), chosen: request, tooSmall: BUMP_RANK[request] < BUMP_RANK[implied] };
}

// mcp-server/src/release/changelog.ts
var HEADER = `# Changelog

All notable changes to this project are documented in this file.
The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).
`;
var UNRELEASED = /^##\s+\[?unreleased\]?\s*$/i;
var SECTION = /^##\s/;
var LINK_DEFINITION = /^\[[^\]]+\]:\s*\S+/;
function updateChangelog(input) {
  const eol = input.existing?.includes("\r\n") ? "\r\n" : "\n";
  const source = (input.existing ?? HEADER).replace(/\r\n/g, "\n");
  const lines = source.split("\n");
  let linkStart = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    if (LINK_DEFINITION.test(line)) linkStart = i;
    else break;
  }
  const body = lines.slice(0, linkStart);
  const links = lines.slice(linkStart);
  const heading = `## [${input.version}] - ${input.date}`;
  const unreleasedAt = body.findIndex((line) => UNRELEASED.test(line));
  let excerpt;
  let kind;
  let newBody;
  if (unreleasedAt >= 0) {
    let end = body.findIndex((line, index) => index > unreleasedAt && SECTION.test(line));
    if (end < 0) end = body.length;
    const content = body.slice(unreleasedAt + 1, end);
    const hasEntries = content.some((line) => line.trim() !== "" && !/^###\s/.test(line));
    if (hasEntries) {
      excerpt = trimBlank(content).join("\n");
      kind = "unreleased";
    } else {
      excerpt = generateEntry(input.commits);
      kind = "generated";
    }
    newBody = [...body.slice(0, unreleasedAt), body[unreleasedAt] ?? "## [Unreleased]", "", heading, "", ...excerpt.split("\n"), "", ...body.slice(end)];
  } else {
    excerpt = generateEntry(input.commits);
    kind = "generated";
    let insertAt = body.findIndex((line) => SECTION.test(line));
    if (insertAt < 0) insertAt = trimEndBlank(body).length;
    const before = trimEndBlank(body.slice(0, insertAt));
    newBody = [...before, "", "## [Unreleased]", "", heading, "", ...excerpt.split("\n"), "", ...body.slice(insertAt)];
  }
  const newLinks = updateLinks(links, input);
  let text = trimEndBlank(newBody).join("\n") + "\n";
  if (newLinks.length) text += `
${trimBlank(newLinks).join("\n")}
`;
  return { text: eol === "\n" ? text : text.replace(/\n/g, eol), excerpt, source: kind };
}
function generateEntry(commits) {
  const groups = [
    ["### BREAKING CHANGES", []],
    ["### Added", []],
    ["### Fixed", []],
    ["### Performance", []]
  ];
  const [breaking, added, fixed, perf] = groups.map((group) => group[1]);
  for (const commit of [...commits].reverse()) {
    const line = entryLine(commit);
    if (commit.breaking) {
      const notes = commit.breakingNotes.length ? commit.breakingNotes : [commit.subject ?? commit.header];
      for (const note of notes) breaking.push(`- ${commit.scope ? `**${commit.scope}:** ` : ""}${oneLine(note)} (${commit.hash.slice(0, 7)})`);
    }
    if (commit.type === "feat") added.push(line);
    else if (commit.type === "fix") fixed.push(line);
    else if (commit.type === "perf") perf.push(line);
  }
  const parts = groups.filter(([, entries]) => entries.length > 0).map(([title, entries]) => [title, "", ...entries].join("\n"));
  return parts.length ? parts.join("\n\n") : "_No user-facing changes._";
}
function entryLine(commit) {
  const scope = commit.scope ? `**${commit.scope}:** ` : "";
  return `- ${scope}${oneLine(commit.subject ?? commit.header)} (${commit.hash.slice(0, 7)})`;
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
function updateLinks(links, input) {
  const index = links.findIndex((line2) => /^\[unreleased\]:/i.test(line2));
  if (index < 0) return links;
  const line = links[index] ?? "";
  const match = /^(\[unreleased\]:\s*)(\S+?)\/compare\/(\S+?)\.\.\.(\S+)\s*$/i.exec(line);
  if (!match) return links;
  const [, label, base, from] = match;
  const previous = input.previousTag ?? from ?? "";
  const out = [...links];
  out.splice(index, 1, `${label}${base}/compare/${input.tag}...HEAD`, `[${input.version}]: ${base}/compare/${previous}...${input.tag}`);
  return out;
}
function trimBlank(lines) {
  let start = 0;
  while (start < lines.length && (lines[start] ?? "").trim() === "") start++;
  return trimEndBlank(lines.slice(start));
}
function trimEndBlank(lines) {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  return lines.slice(0, end);
}

// mcp-server/src/release/version-files.ts
var import_semver3 = __toESM(require_semver(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { join as join3, relative } from "node:path";
async function readText(path) {
  try {
    return await readFile2(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function readPackageVersion(root) {
  const text = await readText(join3(root, "package.json"));
  if (text === null) return null;
  const data = parseJson(text, "package.json");
  const version = data.version;
  if (typeof version !== "string" || !import_semver3.default.valid(version)) {
    throw new ConfigError("package.json has no valid semantic version.", {
      where: "package.json: version",
      expected: 'a semantic version like "1.4.2"',
      found: version === void 0 ? "nothing" : quote(String(version)),
      hint: 'Set "version": "0.1.0" (or the version you last released) in package.json.'
    });
  }
  return version;
}
async function planVersionFiles(root, files, next) {
  const changes = [];
  const pkg = await readText(join3(root, "package.json"));
  if (pkg !== null) changes.push({ path: "package.json", what: "version", before: pkg, after: setJsonKeys(pkg, [["version"]], next, "package.json") });
  const lock = await readText(join3(root, "package-lock.json"));
  if (lock !== null) {
    const data = parseJson(lock, "package-lock.json");
    const keys = [["version"]];
    if (data.packages && typeof data.packages === "object" && data.packages[""] && typeof data.packages[""] === "object") keys.push(["packages", ""]);
    changes.push({ path: "package-lock.json", what: "version", before: lock, after: setJsonKeys(lock, keys.map((k) => k.length === 1 ? k : [...k, "version"]), next, "package-lock.json", true) });
  }
  for (const file of files) {
    const absolute = await resolveInsideProject(root, file.path, `versioning.files path ${quote(file.path, 60)}`);
    const rel = relative(root, absolute).split("\\").join("/");
    const existing = changes.find((change) => change.path === rel);
    const before = existing ? existing.after : await readText(absolute);
    if (before === null) {
      throw new ConfigError(`The version file ${rel} does not exist.`, {
        where: `versioning.files: ${rel}`,
        expected: "an existing file holding the version",
        hint: "Fix the path in shipgate.config.yaml, or remove the entry."
      });
    }
    const after = "key" in file ? setJsonKeys(before, [file.key.split(".")], next, rel) : replacePattern(before, file.pattern, next, rel);
    if (existing) {
      existing.after = after;
      existing.what += `, ${"key" in file ? file.key : "pattern"}`;
    } else {
      changes.push({ path: rel, what: "key" in file ? file.key : "pattern", before, after });
    }
  }
  return changes;
}
function setJsonKeys(text, keyPaths, next, where, optional = false) {
  const data = parseJson(text, where);
  for (const keyPath of keyPaths) {
    let target = data;
    for (const key of keyPath.slice(0, -1)) {
      const child = target[key];
      if (!child || typeof child !== "object" || Array.isArray(child)) {
        throw new ConfigError(`${where} has no object at ${quote(keyPath.join("."))}.`, {
          where: `${where}: ${keyPath.join(".")}`,
          expected: "an object path ending in the version string",
          hint: "Fix the key path in versioning.files, or the file."
        });
      }
      target = child;
    }
    const last = keyPath[keyPath.length - 1] ?? "";
    const current = target[last];
    if (typeof current !== "string") {
      if (optional && current === void 0) continue;
      throw new ConfigError(`${where} has no version string at ${quote(keyPath.join("."))}.`, {
        where: `${where}: ${keyPath.join(".")}`,
        expected: 'a string like "1.4.2"',
        found: current === void 0 ? "nothing" : quote(JSON.stringify(current)),
        hint: "Fix the key path in versioning.files, or add the key to the file."
      });
    }
    target[last] = next;
  }
  const indent = text.trim().includes("\n") ? /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  " : void 0;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let out = JSON.stringify(data, null, indent);
  if (eol !== "\n") out = out.replace(/\n/g, eol);
  return /\r?\n$/.test(text) ? out + eol : out;
}
function replacePattern(text, pattern, next, where) {
  let regex;
  try {
    regex = new RegExp(pattern, "gm");
  } catch (error) {
    throw new ConfigError(`The version pattern for ${where} is not a valid regular expression.`, {
      where: `versioning.files: ${where}`,
      found: quote(pattern),
      expected: `a JavaScript regex with one capture group, e.g. "VERSION = '([^']+)'"`,
      hint: error.message
    });
  }
  const groups = new RegExp(`${pattern}|`).exec("")?.length ?? 1;
  if (groups - 1 !== 1) {
    throw new ConfigError(`The version pattern for ${where} must have exactly one capture group.`, {
      where: `versioning.files: ${where}`,
      found: `${groups - 1} groups in ${quote(pattern)}`,
      expected: "one (...) around the version; use (?:...) for other groups"
    });
  }
  let count = 0;
  let bad = null;
  const out = text.replace(regex, (match, captured, offset) => {
    count++;
    if (captured === void 0 || !import_semver3.default.valid(captured)) {
      bad = captured ?? "";
      return match;
    }
    const at = match.indexOf(captured);
    void offset;
    return match.slice(0, at) + next + match.slice(at + captured.length);
  });
  if (count === 0 || bad !== null) {
    throw new ConfigError(`The version pattern does not find a version in ${where}.`, {
      where: `versioning.files: ${where}`,
      expected: `a match of ${quote(pattern)} whose capture group is a semantic version`,
      found: count === 0 ? "no match" : `captured ${quote(bad ?? "")}`,
      hint: "Fix the pattern (one capture group around the version) or the file."
    });
  }
  return out;
}
function parseJson(text, where) {
  try {
    const data = JSON.parse(text);
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("not an object");
    return data;
  } catch (error) {
    throw new ConfigError(`${where} cannot be parsed as JSON.`, {
      where,
      expected: "a JSON object",
      found: error.message,
      hint: `Fix the JSON syntax of ${where} (or restore it from git) and run again.`
    });
  }
}

// mcp-server/src/release/preflight.ts
async function ensureGitRepository(root) {
  if (!await gitTest(root, ["rev-parse", "--is-inside-work-tree"])) {
    throw new ConfigError("This folder is not a git repository.", {
      where: root,
      expected: "a git working tree (a release is a commit and a tag)",
      hint: "Run `git init` and commit your work, or run shipgate inside the repository."
    });
  }
}
async function readRepositoryState(root, remote) {
  const branchResult = await git(root, ["symbolic-ref", "-q", "--short", "HEAD"]);
  const branch = branchResult.exitCode === 0 ? branchResult.stdout.trim() : null;
  const headResult = await git(root, ["rev-parse", "-q", "--verify", "HEAD"]);
  const head = headResult.exitCode === 0 ? headResult.stdout.trim() : null;
  const upstreamResult = branch ? await git(root, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) : null;
  const upstream = upstreamResult && upstreamResult.exitCode === 0 ? upstreamResult.stdout.trim() : null;
  const remoteExists = await gitTest(root, ["remote", "get-url", remote]);
  return { branch, head, upstream, remoteExists };
}
async function preflight(root, state, options) {
  const { tag, remote } = options;
  const refusals = [];
  if (options.releaseBranch && state.branch && state.branch !== options.releaseBranch) {
    refusals.push({
      id: "wrong-branch",
      message: `Releases are cut from ${options.releaseBranch} (versioning.branch), but HEAD is on ${state.branch}.`,
      hint: `\`git switch ${options.releaseBranch}\` and run again, or change versioning.branch.`
    });
  }
  if (options.push && !state.remoteExists) {
    refusals.push({
      id: "no-remote",
      message: `--push needs the remote "${remote}", which this repository does not have.`,
      hint: `Add it (\`git remote add ${remote} <url>\`), set versioning.remote, or release without --push.`
    });
  }
  if (!state.branch) {
    refusals.push({
      id: "detached-head",
      message: "HEAD is detached: a release commit would belong to no branch.",
      hint: "Check out the release branch first: `git switch main` (or your release branch)."
    });
  }
  const status = await gitOk(root, ["status", "--porcelain", "--untracked-files=all"]);
  const dirty = status.split("\n").filter((line) => line.trim() !== "" && !line.slice(3).startsWith(`${STATE_DIR}/`));
  if (dirty.length) {
    refusals.push({
      id: "dirty-tree",
      message: `The working tree has ${dirty.length} uncommitted change${dirty.length === 1 ? "" : "s"} (${dirty.slice(0, 3).map((l) => l.slice(3)).join(", ")}${dirty.length > 3 ? ", \u2026" : ""}).`,
      hint: "Commit or stash them (`git stash -u`) so the release commit contains only the release."
    });
  }
  if (await gitTest(root, ["rev-parse", "-q", "--verify", `refs/tags/${tag}`])) {
    refusals.push({
      id: "tag-exists",
      message: `Tag ${tag} already exists in this repository.`,
      hint: `That version was already released; bump again from it (the version files may be stale), or delete the tag if it is a leftover: \`git tag -d ${tag}\`.`
    });
  }
  if (state.remoteExists) {
    const remoteTag = await git(root, ["ls-remote", "--tags", remote, `refs/tags/${tag}`]);
    if (remoteTag.exitCode === 0 && remoteTag.stdout.trim() !== "") {
      refusals.push({
        id: "tag-exists-remote",
        message: `Tag ${tag} already exists on ${remote}.`,
        hint: `Someone released ${tag} already: \`git pull --tags ${remote}\` and run \`shipgate bump\` again.`
      });
    }
  }
  if (state.upstream && state.branch) {
    const upstreamRemote = state.upstream.split("/")[0] ?? remote;
    await git(root, ["fetch", "--quiet", "--no-tags", upstreamRemote]);
    const behind = await git(root, ["rev-list", "--count", "HEAD..@{u}"]);
    const count = Number(behind.stdout.trim());
    if (behind.exitCode === 0 && count > 0) {
      refusals.push({
        id: "behind-upstream",
        message: `Branch ${state.branch} is ${count} commit${count === 1 ? "" : "s"} behind ${state.upstream}.`,
        hint: `Bring it up to date first (\`git pull --rebase ${upstreamRemote} ${state.upstream.slice(upstreamRemote.length + 1)}\`) so the release includes what is already published.`
      });
    }
  }
  return refusals;
}

// mcp-server/src/release/plan-release.ts
async function planRelease(root, options) {
  await ensureGitRepository(root);
  const versioning = options.versioning ?? (await loadConfig(root)).config.versioning;
  if (options.preid !== void 0 && options.bump !== "prerelease") {
    throw new UsageError("--preid only applies to a prerelease bump.", {
      where: "--preid",
      expected: "`shipgate bump prerelease --preid beta`",
      hint: "Add `prerelease`, or drop --preid."
    });
  }
  const state = await readRepositoryState(root, versioning.remote);
  const packageVersion = await readPackageVersion(root);
  const tags = await findLastReleaseTags(root, versioning.tagPrefix);
  const anyTag = tags.any;
  const currentVersion = packageVersion ?? anyTag?.version ?? "0.0.0";
  const lastTag = options.bump === "prerelease" ? anyTag : tags.stable;
  const commits = versioning.conventionalCommits ? await readCommitsSince(root, lastTag?.name ?? null) : [];
  const implied = impliedBump(commits, currentVersion, versioning.breakingBelowOne);
  const decision = decideVersion(currentVersion, implied.level, options.bump, options.preid);
  const remote = versioning.remote;
  const base = {
    projectRoot: root,
    currentVersion,
    nextVersion: decision.next,
    requested: options.bump,
    chosen: decision.chosen,
    implied: implied.level,
    reason: explain(options.bump, decision.chosen, implied.summary, versioning.conventionalCommits),
    reasons: implied.reasons.map((commit) => ({ hash: commit.hash, header: commit.header })),
    lastTag: lastTag?.name ?? null,
    commitCount: commits.length,
    tag: null,
    commitMessage: null,
    tagMessage: null,
    files: [],
    changelog: null,
    push: Boolean(options.push),
    remote,
    branch: state.branch,
    upstream: state.upstream,
    head: state.head,
    refusals: []
  };
  if (decision.next === null) return base;
  if (!import_semver4.default.valid(decision.next)) {
    throw new ConfigError(`Cannot compute the next version from ${quote(currentVersion)}.`, { where: "package.json: version", expected: "a semantic version" });
  }
  const next = decision.next;
  const tag = `${versioning.tagPrefix}${next}`;
  const ignoredLock = (await git(root, ["check-ignore", "-q", "package-lock.json"])).exitCode === 0;
  const files = (await planVersionFiles(root, versioning.files, next)).filter(
    (file) => file.path !== "package-lock.json" || !ignoredLock
  );
  const changelogPath = await resolveInsideProject(root, versioning.changelog, "versioning.changelog");
  const changelogRel = relative2(root, changelogPath).split("\\").join("/");
  const existing = files.find((file) => file.path === changelogRel);
  const before = existing ? existing.after : await readText(changelogPath);
  const changelog = updateChangelog({ existing: before, version: next, tag, previousTag: lastTag?.name ?? null, date: isoDate(options.now), commits });
  if (existing) existing.after = changelog.text;
  else files.push({ path: changelogRel, what: "changelog", before, after: changelog.text });
  const refusals = [];
  if (decision.tooSmall && !options.force) {
    refusals.push({
      id: "bump-too-small",
      message: `A ${decision.chosen} bump is smaller than the commits imply (${implied.summary}).`,
      hint: `Use \`shipgate bump ${implied.level}\` (or \`auto\`), or add --force if you are sure (seed 003 pitfall wrong_version_bump).`
    });
  }
  refusals.push(...await preflight(root, state, { tag, remote, push: Boolean(options.push), releaseBranch: versioning.branch }));
  return {
    ...base,
    tag,
    commitMessage: `chore(release): ${tag}`,
    tagMessage: `Release ${tag}

${changelog.excerpt}
`,
    files,
    changelog: { path: changelogRel, source: changelog.source, excerpt: changelog.excerpt },
    refusals
  };
}
function explain(request, chosen, implied, conventional) {
  const commits = conventional ? `commits imply ${implied}` : "conventional commits are off (versioning.conventionalCommits: false)";
  if (request === "auto") return chosen === "none" ? `Nothing to release: ${commits}.` : `${commits}.`.replace(/^commits imply /, "");
  return `${request} requested; ${commits}.`;
}
function isoDate(now) {
  return now.toISOString().slice(0, 10);
}

// mcp-server/src/release/recover-release.ts
async function recoverInterruptedRelease(root, options) {
  const journal = await readJournal(root);
  if (!journal) return null;
  if (journal.pid !== process.pid && isAlive(journal.pid)) {
    throw new ConflictError(`Another \`shipgate bump\` (pid ${journal.pid}) is releasing ${journal.tag} right now.`, {
      hint: "Wait for it to finish. If that process is not shipgate, delete .claude/shipgate/release-journal.json and run again."
    });
  }
  const published = await isPublished(root, journal);
  if (options.dryRun) {
    return {
      tag: journal.tag,
      step: journal.step,
      action: "needs-repair",
      message: published ? `An interrupted release of ${journal.tag} was pushed already; the next real run only clears its journal.` : `A release of ${journal.tag} was interrupted at step "${journal.step}"; the next real \`shipgate bump\` undoes it first.`
    };
  }
  if (published) {
    await removeJournal(root);
    return { tag: journal.tag, step: journal.step, action: "completed", message: `${journal.tag} had reached ${journal.remote} before the interruption; it is released. Cleared the journal.` };
  }
  const undone = await rollbackRelease(root, journal);
  return {
    tag: journal.tag,
    step: journal.step,
    action: "rolled-back",
    message: `Undid the release of ${journal.tag} interrupted at step "${journal.step}": ${undone.join("; ") || "nothing had been written"}.`
  };
}
async function isPublished(root, journal) {
  if (journal.step === "pushed" || journal.step === "finish" && journal.push) return true;
  if (journal.step !== "push") return false;
  const remote = await git(root, ["ls-remote", "--tags", journal.remote, `refs/tags/${journal.tag}`]);
  return remote.exitCode === 0 && remote.stdout.trim() !== "";
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// mcp-server/src/release/run-bump.ts
async function runBump(root, options) {
  const warnings = [];
  const recovery = await recoverInterruptedRelease(root, { dryRun: options.dryRun });
  const plan = await planRelease(root, options);
  if (recovery?.action === "needs-repair") {
    plan.refusals.unshift({ id: "interrupted-release", message: recovery.message, hint: "Run `shipgate bump` without --dry-run to repair it." });
  }
  const result = { ok: recovery?.action !== "needs-repair", dryRun: options.dryRun, nothingToRelease: plan.nextVersion === null, plan, applied: null, recovery, warnings };
  const tooSmall = plan.refusals.some((refusal) => refusal.id === "bump-too-small");
  if (plan.nextVersion === null) return result;
  if (options.dryRun) {
    result.ok = result.ok && plan.refusals.length === 0;
    return result;
  }
  if (plan.refusals.length) {
    if (tooSmall) await learn(root, options, warnings, { phase: "bump", outcome: "blocked", version: plan.nextVersion, commit: plan.head ?? void 0, bumpImplied: plan.implied, bumpChosen: plan.chosen });
    const [first, ...rest] = plan.refusals;
    throw new BlockedError(`Release refused: ${plan.refusals.map((refusal) => refusal.message).join(" ")}`, {
      where: root,
      expected: "a clean, attached, up-to-date branch and a version that is not released yet",
      hint: [first, ...rest].map((refusal) => refusal?.hint).join(" ")
    });
  }
  result.applied = await applyRelease(plan, { env: options.env, now: () => options.now });
  await learn(root, options, warnings, {
    phase: "bump",
    outcome: "succeeded",
    version: plan.nextVersion,
    commit: result.applied.commit,
    bumpImplied: plan.implied,
    bumpChosen: plan.chosen
  });
  return result;
}
async function learn(root, options, warnings, signals) {
  if (options.skipLearnings) return;
  try {
    await recordRun(root, signals, { now: () => options.now, onWarning: (message) => warnings.push(message) });
  } catch (error) {
    warnings.push(`learnings not updated: ${error.message}`);
  }
}

export {
  runBump
};
