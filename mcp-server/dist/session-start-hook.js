import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as e}from"./chunks/chunk-VYZKFWJZ.js";import{d as r}from"./chunks/chunk-ZQQS7QFW.js";import{b as i}from"./chunks/chunk-PTEKZF4E.js";import"./chunks/chunk-TORWM5X5.js";import"./chunks/chunk-AHK5V45S.js";try{let s=await e(process.env.CLAUDE_PROJECT_DIR||process.cwd()),o=await i(s),t=await r(o);if(t.state==="hit"&&process.stdout.write(t.text),t.state==="miss"){let{sessionLessonsFromStore:a}=await import("./chunks/session-lessons-5GWF4BUV.js");process.stdout.write(await a(o))}}catch(s){process.stderr.write(`shipgate lessons unavailable: ${s.message.split(`
`)[0]}
`)}process.exitCode=0;
