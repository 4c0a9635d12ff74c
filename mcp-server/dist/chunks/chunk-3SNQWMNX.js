import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/util/duration.ts
var UNIT_MS = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1e3,
  sec: 1e3,
  secs: 1e3,
  second: 1e3,
  seconds: 1e3,
  m: 6e4,
  min: 6e4,
  mins: 6e4,
  minute: 6e4,
  minutes: 6e4,
  h: 36e5,
  hr: 36e5,
  hrs: 36e5,
  hour: 36e5,
  hours: 36e5,
  d: 864e5,
  day: 864e5,
  days: 864e5,
  w: 6048e5,
  week: 6048e5,
  weeks: 6048e5
};
var PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;
function parseDuration(text) {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "") return void 0;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  let total = 0;
  let index = 0;
  const compact = trimmed.replace(/\s+(?=\d)/g, "");
  PART.lastIndex = 0;
  while (index < compact.length) {
    PART.lastIndex = index;
    const match = PART.exec(compact);
    if (!match) return void 0;
    const unit = UNIT_MS[match[2]];
    if (unit === void 0) return void 0;
    total += Number(match[1]) * unit;
    index = PART.lastIndex;
    while (compact[index] === " ") index += 1;
  }
  return Math.round(total);
}
function formatDuration(ms) {
  if (ms < 1e3) return `${ms}ms`;
  const s = ms / 1e3;
  if (s < 60) return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return rest ? `${m}m${rest}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}

export {
  parseDuration,
  formatDuration
};
