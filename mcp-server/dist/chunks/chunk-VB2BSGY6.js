import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/version.ts
var SHIPGATE_VERSION = "0.1.0";

export {
  SHIPGATE_VERSION
};
