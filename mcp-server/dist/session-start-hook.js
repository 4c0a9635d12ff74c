import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/cli/session-start-hook-main.ts
process.exitCode = 0;
