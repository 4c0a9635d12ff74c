/**
 * `{name}` placeholders inside the arguments of an argument vector from the configuration (the
 * `command` provider's deploy/undo/..., the notify command). Each argument stays ONE argument whatever
 * its value holds, and the vector is run without a shell (exec/run.ts runArgv), so a value like
 * `$(rm -rf ~)` or `; curl evil` is passed on as plain text. Names outside the known set stay as written.
 *
 * Good: `["notify.mjs", "--text", "{env} is on {version}"]` → `["notify.mjs", "--text", "production is on 2.7.0"]`.
 * Bad:  joining the values into one string for `sh -c`.
 */

/** The `{name}` tokens of `argv` whose name is not in `known` (a typo like `{enviroment}`). */
export function unknownPlaceholders(argv: readonly string[], known: readonly string[]): string[] {
  const found = new Set<string>();
  for (const argument of argv) for (const match of argument.matchAll(/\{([a-z_]+)\}/g)) if (!known.includes(match[1]!)) found.add(match[0]);
  return [...found];
}

/** Replace each `{name}` of `known` inside each argument; an undefined value leaves the placeholder as written. */
export function expandPlaceholders(argv: readonly string[], known: readonly string[], values: Readonly<Record<string, string | number | undefined>>): string[] {
  const pattern = new RegExp(`\\{(${known.map((name) => name.replace(/[^a-z_]/g, '')).join('|')})\\}`, 'g');
  return argv.map((argument) =>
    argument.replace(pattern, (whole, key: string) => {
      const value = values[key];
      return value === undefined ? whole : String(value);
    }),
  );
}
