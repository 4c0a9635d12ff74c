/**
 * Environment variables through which a program runs a command: set in the call, their commands are
 * read like any other. `PAGER='git push …' git log` (git runs its pager through the shell),
 * `BASH_ENV=evil.sh bash -c true` (bash sources it first), `PS4='$(…)' bash -xc true` (the trace prompt
 * is expanded), `env 'BASH_FUNC_ls%%=() { …; }' bash -c ls` (an exported function replaces `ls`),
 * `npm_config_script_shell=./x.sh npm test` (npm runs its scripts with that program).
 * Only variables the call itself sets are read: the hook's own environment is the user's.
 *
 * Good: `PAGER='git push origin HEAD:production' git log` refused; `PAGER=less git log` allowed.
 * Bad:  trusting that a variable is "just configuration".
 */

/** Variables whose value is shell text some program runs (pagers, editors, prompts, helpers). */
const COMMAND_VARIABLES: ReadonlySet<string> = new Set([
  'PAGER', 'GIT_PAGER', 'MANPAGER', 'SYSTEMD_PAGER', 'BAT_PAGER', 'DELTA_PAGER', 'PSQL_PAGER', 'LESSOPEN', 'LESSCLOSE',
  'EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'SUDO_EDITOR', 'FCEDIT', 'BROWSER',
  'PROMPT_COMMAND', 'PS0', 'PS1', 'PS2', 'PS3', 'PS4',
  'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_PROXY_COMMAND', 'RSYNC_RSH',
]);
/** Variables naming a file of shell commands that a shell reads before anything else. */
const SCRIPT_VARIABLES: ReadonlySet<string> = new Set(['BASH_ENV', 'ENV']);
/** Variables naming the program that runs package scripts. */
const SHELL_PROGRAM_VARIABLES: ReadonlySet<string> = new Set(['npm_config_script_shell', 'NPM_CONFIG_SCRIPT_SHELL', 'npm_config_shell', 'NPM_CONFIG_SHELL']);
/** An exported shell function: `BASH_FUNC_name%%` (bash ≥ 4.3) or `BASH_FUNC_name()` (older). */
const EXPORTED_FUNCTION = /^BASH_FUNC_.+(%%|\(\))$/;

export type EnvironmentCommand = { name: string; text: string } | { name: string; file: string };

/**
 * What the variables `names` (set in the call) make programs run: shell text, or a file to read as a
 * script. `value` is the variable's value as the command sees it.
 */
export function environmentCommands(names: Iterable<string>, value: (name: string) => string | undefined): EnvironmentCommand[] {
  const found: EnvironmentCommand[] = [];
  for (const name of names) {
    const text = value(name);
    if (text === undefined || text === '') continue;
    if (COMMAND_VARIABLES.has(name)) found.push({ name, text: name.startsWith('LESS') ? text.replace(/^\|{1,2}/, '').replace(/%s/g, 'file') : text });
    else if (SCRIPT_VARIABLES.has(name)) found.push({ name, file: text });
    else if (SHELL_PROGRAM_VARIABLES.has(name) && text.includes('/')) found.push({ name, file: text });
    else if (EXPORTED_FUNCTION.test(name)) found.push({ name, text: text.replace(/^\s*\(\)\s*/, '') });
  }
  return found;
}
