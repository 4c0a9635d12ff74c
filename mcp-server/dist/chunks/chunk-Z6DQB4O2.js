import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/errors.ts
var ShipgateError = class extends Error {
  code;
  exitCode;
  details;
  constructor(code, message, details = {}, exitCode) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
    this.exitCode = exitCode ?? defaultExitCode(code);
  }
  /** Message plus the where/expected/found/hint lines, for terminals and MCP error text. */
  describe() {
    const lines = [this.message];
    const { where, expected, found, hint } = this.details;
    if (where) lines.push(`  at: ${where}`);
    if (expected) lines.push(`  expected: ${expected}`);
    if (found !== void 0) lines.push(`  found: ${found}`);
    if (hint) lines.push(`  fix: ${hint}`);
    return lines.join("\n");
  }
};
function defaultExitCode(code) {
  switch (code) {
    case "usage":
    case "config":
    case "input":
      return 2;
    default:
      return 1;
  }
}
var UsageError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("usage", message, details);
  }
};
var ConfigError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("config", message, details);
  }
};
var InputError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("input", message, details);
  }
};
var BlockedError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("blocked", message, details);
  }
};
var FailedError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("failed", message, details);
  }
};
var ConflictError = class extends ShipgateError {
  constructor(message, details = {}) {
    super("conflict", message, details);
  }
};
var InternalError = class extends ShipgateError {
  constructor(message, cause) {
    super("internal", `Internal error: ${message}`, {
      hint: "This is a bug in shipgate. Please report it with the command you ran and this message."
    });
    if (cause !== void 0) this.cause = cause;
  }
};
function toShipgateError(error) {
  if (error instanceof ShipgateError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InternalError(message, error);
}
function quote(text, max = 120) {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}\u2026` : oneLine);
}

export {
  ShipgateError,
  UsageError,
  ConfigError,
  InputError,
  BlockedError,
  FailedError,
  ConflictError,
  InternalError,
  toShipgateError,
  quote
};
