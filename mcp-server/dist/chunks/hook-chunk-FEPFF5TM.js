import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
var a=["shipgate.config.yaml",".claude/shipgate.yaml"];export{a};
