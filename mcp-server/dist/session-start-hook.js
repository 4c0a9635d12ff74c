import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{b as e}from"./chunks/chunk-GSBFYACK.js";import{b as o}from"./chunks/chunk-ZSXO5D6T.js";import"./chunks/chunk-AHK5V45S.js";var i=process.env.CLAUDE_PROJECT_DIR||process.cwd();try{let s=await e(i),t=await o(s);if(t.state==="hit"&&process.stdout.write(t.text),t.state==="miss"){let{sessionLessonsFromStore:r}=await import("./chunks/session-lessons-ISKN6GWZ.js");process.stdout.write(await r(s))}}catch(s){process.stderr.write(`shipgate lessons unavailable: ${s.message.split(`
`)[0]}
`)}process.exitCode=0;
