/**
 * argument-hint-consistency: a command or skill that reads `$ARGUMENTS`, `$0`..`$9` declares an
 * `argument-hint` (shown in the `/` menu), and one that declares a hint actually uses the arguments.
 *
 * Bad: body says `Deploy to $ARGUMENTS` with no hint. Good: `argument-hint: [environment]` and `Deploy to $ARGUMENTS`.
 * (Claude Code numbers positional arguments from `$0`: `$1` is the SECOND word; `$ARGUMENTS` is all of them.)
 */
import type { DocumentRule } from '../rule.js';
import { keyPosition } from '../rule-helpers.js';

const USE = /\$(?:ARGUMENTS\b|\d\b)/g;

export const rule: DocumentRule = {
  meta: {
    id: 'argument-hint-consistency',
    description: 'Files that use $ARGUMENTS/$1/$0 declare `argument-hint`, and files with a hint use arguments.',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'Without a hint the user does not know the command takes arguments; a hint with no use means typed arguments are silently dropped.',
      bad: '---\ndescription: Deploy to an environment\n---\nDeploy to $ARGUMENTS now.\n',
      good: '---\ndescription: Deploy to an environment\nargument-hint: [environment]\n---\nDeploy to $ARGUMENTS now.\n',
    },
  },
  check({ document, report }) {
    if (document.kind !== 'command' && document.kind !== 'skill') return;
    // The first use in the body: one search from the body's first line (a line ends in `\n`, which `\b`
    // treats like the end of the text, so this finds what a line-by-line search finds).
    const text = document.text;
    let lineStart = 0;
    for (let line = document.frontmatter ? document.frontmatter.position.endLine : 0; line > 0 && lineStart !== -1; line -= 1) {
      const newline = text.indexOf('\n', lineStart);
      lineStart = newline === -1 ? -1 : newline + 1;
    }
    USE.lastIndex = 0;
    const use = lineStart === -1 ? null : ((USE.lastIndex = lineStart), USE.exec(text));
    const hint = document.frontmatter?.data['argument-hint'];
    if (use && hint === undefined) {
      let line = 1;
      let start = 0;
      for (let at = text.indexOf('\n'); at !== -1 && at < use.index; at = text.indexOf('\n', at + 1)) {
        line += 1;
        start = at + 1;
      }
      const column = use.index - start + 1;
      const token = use[0];
      report({ message: `Unexpected ${token} without an argument-hint, expected \`argument-hint: [...]\` in the frontmatter.`, position: { line, column, endLine: line, endColumn: column + token.length }, fix: { description: 'add `argument-hint: [arguments]` to the frontmatter' } });
    } else if (!use && hint !== undefined && document.kind === 'command') {
      report({ message: 'Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.', position: keyPosition(document, 'argument-hint') });
    }
  },
};
