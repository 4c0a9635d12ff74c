/**
 * The metadata of the MCP resource `shipgate://learnings`. Kept free of imports so the server can
 * register the resource at start-up without loading the learnings store (read at call time).
 */
export const LEARNINGS_RESOURCE = {
  uri: 'shipgate://learnings',
  name: 'learnings',
  title: 'Lessons learned (shipgate)',
  description: 'Pitfalls with frequency and last seen, successful patterns and deploy metrics, updated by code after every run.',
  mimeType: 'text/markdown',
} as const;
