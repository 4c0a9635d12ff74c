/**
 * The names a shipgate configuration may have, in the order they are looked up (the first that exists
 * wins). Kept free of imports so the project-root walk can use it without loading the YAML or zod
 * stack (the MCP server's cold start and the SessionStart hook both find the project first).
 */
export const CONFIG_FILE_NAMES = ['shipgate.config.yaml', '.claude/shipgate.yaml'] as const;
