import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import{a as r}from"./chunks/chunk-P524AQ23.js";import{c as i}from"./chunks/chunk-U2K5IYSE.js";import{b as a}from"./chunks/chunk-7NSD6RD3.js";import"./chunks/chunk-GQBQLJIQ.js";import{e}from"./chunks/chunk-OQPQXPV4.js";e();try{let s=await r(process.env.CLAUDE_PROJECT_DIR||process.cwd()),o=await a(s),t=await i(o);if(t.state==="hit"&&process.stdout.write(t.text),t.state==="miss"){let{sessionLessonsFromStore:c}=await import("./chunks/session-lessons-HES2SIW2.js");process.stdout.write(await c(o))}}catch(s){process.stderr.write(`shipgate lessons unavailable: ${s.message.split(`
`)[0]}
`)}process.exitCode=0;
