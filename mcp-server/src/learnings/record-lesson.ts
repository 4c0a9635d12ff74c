/**
 * What a human learned (`/retrospect`, `learnings_record`, `shipgate learnings record`), recorded as a
 * 'retrospect' event. Inputs are bounded and checked here, once, for every caller: ids are snake_case,
 * notes are at most 2,000 characters without NUL or other control characters (newlines allowed).
 *
 * A pitfall id must be one the repository knows (the catalog, or an id recorded before); a new one is
 * added only when the caller says so (`allowNew`), so a typo never invents a pitfall.
 *
 * Good: `{ pitfalls: ['missing_git_tag'], note: 'tag before deploy', about: 'deploy', author: 'ana' }`.
 * Bad:  `{ note: '' }` with no pitfall (nothing learned), a 1 MB note, or `missing_gti_tag` (did you mean missing_git_tag?).
 */
import type { RunEvent, RunPhase } from './event.js';
import { recordRun, type RecordOptions } from './record-run.js';
import { loadCatalog } from './catalog.js';
import { loadState } from './load-state.js';
import { resolveStoreDir } from './store-dir.js';
import { InputError } from '../errors.js';
import { checkFreeText } from '../config/free-text.js';
import { didYouMean } from '../util/did-you-mean.js';

export interface Lesson {
  pitfalls?: string[];
  note?: string;
  about?: RunPhase;
  author?: string;
  runId?: string;
  /** Accept pitfall ids that are not in the catalog yet (they become known from this event on). */
  allowNew?: boolean;
}

export const LESSON_LIMITS = { note: 2000, author: 100, pitfallId: 64, pitfalls: 10 } as const;
export const RUN_ID = /^[A-Za-z0-9._-]{1,80}$/;
export const PITFALL_ID = /^[a-z][a-z0-9_]{1,63}$/;
const PHASES: readonly RunPhase[] = ['gate', 'bump', 'deploy', 'rollback'];

export function checkLesson(lesson: Lesson): Lesson {
  const pitfalls = lesson.pitfalls ?? [];
  const note = lesson.note?.trim();
  if (pitfalls.length === 0 && !note) {
    throw new InputError('A lesson needs a pitfall id or a note.', { where: 'pitfall / note', expected: 'at least one of them', hint: 'e.g. `shipgate learnings record --pitfall missing_git_tag --note "tag before deploying"`' });
  }
  if (pitfalls.length > LESSON_LIMITS.pitfalls) throw new InputError('Too many pitfalls in one lesson.', { where: 'pitfall', expected: `at most ${LESSON_LIMITS.pitfalls}`, found: String(pitfalls.length) });
  for (const id of pitfalls) {
    if (!PITFALL_ID.test(id)) throw new InputError('A pitfall id must be snake_case.', { where: 'pitfall', expected: 'e.g. missing_git_tag (a-z, 0-9, _; 2-64 characters)', found: JSON.stringify(id.slice(0, 80)) });
  }
  if (note) checkFreeText(note, 'note', { max: LESSON_LIMITS.note, multiline: true });
  if (lesson.author !== undefined) checkFreeText(lesson.author, 'by', { max: LESSON_LIMITS.author, multiline: false });
  if (lesson.runId !== undefined && !RUN_ID.test(lesson.runId)) {
    throw new InputError('A run id is letters, digits, dot, dash or underscore.', { where: 'run-id', expected: 'e.g. deploy-20260302-101500-ab12cd34 (1-80 characters)', found: JSON.stringify(lesson.runId.slice(0, 80)) });
  }
  if (lesson.about !== undefined && !PHASES.includes(lesson.about)) {
    throw new InputError('Unknown phase for a lesson.', { where: 'phase', expected: PHASES.join(' | '), found: JSON.stringify(String(lesson.about).slice(0, 40)) });
  }
  return { ...lesson, pitfalls, note: note || undefined };
}

/** Refuse ids that are neither in the catalog nor recorded before, unless the lesson adds new ones. */
export async function checkKnownPitfalls(projectRoot: string, lesson: Lesson, options: RecordOptions = {}): Promise<void> {
  if (lesson.allowNew || !lesson.pitfalls?.length) return;
  const storeDir = await resolveStoreDir(projectRoot);
  const { snapshot, exists } = await loadState(storeDir);
  // A refused lesson must leave no trace: no store folder is created for the catalog snapshot.
  const catalog = await loadCatalog(projectRoot, storeDir, { pluginRoot: options.pluginRoot, writeSnapshot: exists, ...(options.onWarning ? { onWarning: options.onWarning } : {}) });
  const known = [...new Set([...catalog.map((entry) => entry.id), ...Object.keys(snapshot.state.pitfalls)])].sort();
  for (const id of lesson.pitfalls) {
    if (known.includes(id)) continue;
    const suggestion = didYouMean(id, known);
    throw new InputError(`Unknown pitfall "${id}".`, {
      where: 'pitfall',
      expected: `a pitfall this repository knows: ${known.join(', ')}`,
      found: JSON.stringify(id),
      hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}To add a new pitfall on purpose, repeat with --new (learnings_record: newPitfall: true).`,
    });
  }
}

export async function recordLesson(projectRoot: string, lesson: Lesson, options: RecordOptions = {}): Promise<RunEvent> {
  const checked = checkLesson(lesson);
  await checkKnownPitfalls(projectRoot, checked, options);
  return recordRun(
    projectRoot,
    {
      phase: 'retrospect',
      outcome: 'noted',
      reportedPitfalls: checked.pitfalls,
      note: checked.note,
      author: checked.author,
      about: checked.about ?? 'deploy',
      runId: checked.runId,
    },
    options,
  );
}
