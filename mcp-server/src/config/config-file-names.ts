/**
 * Where a project's shipgate configuration lives, in the order they are tried. A module of its own,
 * with no imports, so finding the project root (every CLI command, the learnings commands on their
 * fast path) does not load the YAML parser and the schema.
 */
export const CONFIG_FILE_NAMES = ['shipgate.config.yaml', '.claude/shipgate.yaml'] as const;
