/**
 * `file-age`: the newest file matching a glob was modified less than `max_age` ago (backups, reports).
 *
 * Good: `<verify kind="file-age" path="backups/*.sql" max_age="24h"/>`
 * Bad:  `<verify kind="file-age" path="backups/*.sql"/>` (no max_age: an error, not a pass).
 */
import { globFiles, newest } from '../../util/glob-files.js';
import { parseDuration, formatDuration } from '../../util/duration.js';
import { attribute, type VerifyKind } from './verify-kind.js';
import { expandDateTokens } from './file-exists.js';

export const fileAgeKind: VerifyKind = {
  kind: 'file-age',
  async verify(spec, context) {
    const raw = attribute(spec, 'path');
    const maxAgeText = attribute(spec, 'max_age');
    const maxAgeMs = maxAgeText ? parseDuration(maxAgeText) : undefined;
    if (!raw || maxAgeMs === undefined) return { status: 'error', message: 'The verify element needs `path` and `max_age` (like "24h") attributes.' };
    const pattern = expandDateTokens(raw, context.now());
    const file = newest(await globFiles(context.projectRoot, pattern));
    if (!file) return { status: 'failed', message: `No file matches ${pattern}; expected one younger than ${formatDuration(maxAgeMs)}.` };
    const age = Math.max(0, context.now().getTime() - file.mtimeMs);
    if (age > maxAgeMs) return { status: 'failed', message: `${file.relativePath} is ${formatDuration(Math.round(age))} old, expected at most ${formatDuration(maxAgeMs)}.` };
    return { status: 'passed', message: `${file.relativePath} is ${formatDuration(Math.round(age))} old (limit ${formatDuration(maxAgeMs)}).` };
  },
};
