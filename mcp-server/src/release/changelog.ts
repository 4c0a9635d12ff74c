/**
 * CHANGELOG.md in the Keep a Changelog format, pure (text in, text out).
 * Two ways, in this order:
 *  1. the `## [Unreleased]` section has entries → it becomes `## [X.Y.Z] - YYYY-MM-DD` and a fresh,
 *     empty `## [Unreleased]` stays on top;
 *  2. otherwise an entry is generated from the commits, grouped by type (breaking, feat, fix, perf).
 * Link references at the bottom (`[Unreleased]: …/compare/v1.0.0...HEAD`) are moved on and the new
 * version gets its own compare link.
 *
 * Good: `## [Unreleased]\n### Added\n- search` → `## [Unreleased]\n\n## [1.3.0] - 2026-11-22\n### Added\n- search`.
 * Bad:  rewriting sections a human wrote, or dropping the Unreleased heading (the next PR needs it).
 */
import type { ReleaseCommit } from './commits.js';

export interface ChangelogInput {
  /** Current file text, or null when there is no changelog yet. */
  existing: string | null;
  version: string;
  tag: string;
  /** Tag of the previous release (for the compare link), if any. */
  previousTag: string | null;
  /** YYYY-MM-DD */
  date: string;
  commits: readonly ReleaseCommit[];
}

export interface ChangelogResult {
  text: string;
  /** The body of the new version's section (the tag message carries it). */
  excerpt: string;
  source: 'unreleased' | 'generated';
}

const HEADER = `# Changelog

All notable changes to this project are documented in this file.
The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).
`;

const UNRELEASED = /^##\s+\[?unreleased\]?\s*$/i;
const SECTION = /^##\s/;
const LINK_DEFINITION = /^\[[^\]]+\]:\s*\S+/;

export function updateChangelog(input: ChangelogInput): ChangelogResult {
  const eol = input.existing?.includes('\r\n') ? '\r\n' : '\n';
  const source = (input.existing ?? HEADER).replace(/\r\n/g, '\n');
  const lines = source.split('\n');
  // Trailing link definitions stay at the very bottom.
  let linkStart = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    if (LINK_DEFINITION.test(line)) linkStart = i;
    else break;
  }
  const body = lines.slice(0, linkStart);
  const links = lines.slice(linkStart);
  const heading = `## [${input.version}] - ${input.date}`;

  const unreleasedAt = body.findIndex((line) => UNRELEASED.test(line));
  let excerpt: string;
  let kind: ChangelogResult['source'];
  let newBody: string[];
  if (unreleasedAt >= 0) {
    let end = body.findIndex((line, index) => index > unreleasedAt && SECTION.test(line));
    if (end < 0) end = body.length;
    const content = body.slice(unreleasedAt + 1, end);
    const hasEntries = content.some((line) => line.trim() !== '' && !/^###\s/.test(line));
    if (hasEntries) {
      excerpt = trimBlank(content).join('\n');
      kind = 'unreleased';
    } else {
      excerpt = generateEntry(input.commits);
      kind = 'generated';
    }
    newBody = [...body.slice(0, unreleasedAt), body[unreleasedAt] ?? '## [Unreleased]', '', heading, '', ...excerpt.split('\n'), '', ...body.slice(end)];
  } else {
    excerpt = generateEntry(input.commits);
    kind = 'generated';
    let insertAt = body.findIndex((line) => SECTION.test(line));
    if (insertAt < 0) insertAt = trimEndBlank(body).length;
    const before = trimEndBlank(body.slice(0, insertAt));
    newBody = [...before, '', '## [Unreleased]', '', heading, '', ...excerpt.split('\n'), '', ...body.slice(insertAt)];
  }
  const newLinks = updateLinks(links, input);
  let text = trimEndBlank(newBody).join('\n') + '\n';
  if (newLinks.length) text += `\n${trimBlank(newLinks).join('\n')}\n`;
  return { text: eol === '\n' ? text : text.replace(/\n/g, eol), excerpt, source: kind };
}

/** Keep a Changelog entry from commits, grouped by type. */
export function generateEntry(commits: readonly ReleaseCommit[]): string {
  const groups: Array<[string, string[]]> = [
    ['### BREAKING CHANGES', []],
    ['### Added', []],
    ['### Fixed', []],
    ['### Performance', []],
  ];
  const [breaking, added, fixed, perf] = groups.map((group) => group[1]) as [string[], string[], string[], string[]];
  // Oldest first reads like a story.
  for (const commit of [...commits].reverse()) {
    const line = entryLine(commit);
    if (commit.breaking) {
      const notes = commit.breakingNotes.length ? commit.breakingNotes : [commit.subject ?? commit.header];
      for (const note of notes) breaking.push(`- ${commit.scope ? `**${commit.scope}:** ` : ''}${oneLine(note)} (${commit.hash.slice(0, 7)})`);
    }
    if (commit.type === 'feat') added.push(line);
    else if (commit.type === 'fix') fixed.push(line);
    else if (commit.type === 'perf') perf.push(line);
  }
  const parts = groups.filter(([, entries]) => entries.length > 0).map(([title, entries]) => [title, '', ...entries].join('\n'));
  return parts.length ? parts.join('\n\n') : '_No user-facing changes._';
}

function entryLine(commit: ReleaseCommit): string {
  const scope = commit.scope ? `**${commit.scope}:** ` : '';
  return `- ${scope}${oneLine(commit.subject ?? commit.header)} (${commit.hash.slice(0, 7)})`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function updateLinks(links: string[], input: ChangelogInput): string[] {
  const index = links.findIndex((line) => /^\[unreleased\]:/i.test(line));
  if (index < 0) return links;
  const line = links[index] ?? '';
  const match = /^(\[unreleased\]:\s*)(\S+?)\/compare\/(\S+?)\.\.\.(\S+)\s*$/i.exec(line);
  if (!match) return links;
  const [, label, base, from] = match;
  const previous = input.previousTag ?? from ?? '';
  const out = [...links];
  out.splice(index, 1, `${label}${base}/compare/${input.tag}...HEAD`, `[${input.version}]: ${base}/compare/${previous}...${input.tag}`);
  return out;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  return trimEndBlank(lines.slice(start));
}

function trimEndBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(0, end);
}
