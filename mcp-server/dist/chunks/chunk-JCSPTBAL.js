import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
var o=class{constructor(t){this.text=t;let e=[0],n=t.indexOf(`
`);for(;n!==-1;)e.push(n+1),n=t.indexOf(`
`,n+1);this.starts=e}text;starts;point(t){let e=Math.max(0,Math.min(t,this.text.length)),n=0,i=this.starts.length-1;for(;n<i;){let s=n+i+1>>1;this.starts[s]<=e?n=s:i=s-1}return{line:n+1,column:e-this.starts[n]+1}}position(t,e=t){let n=this.point(t),i=this.point(Math.max(t,e));return{line:n.line,column:n.column,endLine:i.line,endColumn:i.column}}get lineCount(){return this.starts.length}};function l(r){return`${r.line}:${r.column}`}export{o as a,l as b};
