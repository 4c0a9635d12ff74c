/**
 * argument-hint-consistency: a command or skill that reads `$ARGUMENTS`, `$0`..`$9` declares an
 * `argument-hint` (shown in the `/` menu), and one that declares a hint actually uses the arguments.
 *
 * Bad: body says `Deploy to $ARGUMENTS` with no hint. Good: `argument-hint: [environment]` and `Deploy to $ARGUMENTS`.
 * (Claude Code numbers positional arguments from `$0`: `$1` is the SECOND word; `$ARGUMENTS` is all of them.)
 */
import type { DocumentRule } from '../rule.js';
import { keyPosition } from '../rule-helpers.js';

const USE = /\$(?:ARGUMENTS\b|\d\b)/;

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
    const bodyStart = document.frontmatter ? document.frontmatter.position.endLine : 0;
    const lines = document.text.split('\n');
    let useLine = -1;
    for (let i = bodyStart; i < lines.length; i += 1) {
      if (USE.test(lines[i]!)) {
        useLine = i;
        break;
      }
    }
    const hint = document.frontmatter?.data['argument-hint'];
    if (useLine >= 0 && hint === undefined) {
      const column = lines[useLine]!.search(USE) + 1;
      const token = USE.exec(lines[useLine]!)![0];
      report({ message: `Unexpected ${token} without an argument-hint, expected \`argument-hint: [...]\` in the frontmatter.`, position: { line: useLine + 1, column, endLine: useLine + 1, endColumn: column + token.length }, fix: { description: 'add `argument-hint: [arguments]` to the frontmatter' } });
    } else if (useLine < 0 && hint !== undefined && document.kind === 'command') {
      report({ message: 'Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.', position: keyPosition(document, 'argument-hint') });
    }
  },
};
