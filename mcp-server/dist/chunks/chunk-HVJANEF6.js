import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
var e={uri:"shipgate://learnings",name:"learnings",title:"Lessons learned (shipgate)",description:"Pitfalls with frequency and last seen, successful patterns and deploy metrics, updated by code after every run.",mimeType:"text/markdown"};export{e as a};
