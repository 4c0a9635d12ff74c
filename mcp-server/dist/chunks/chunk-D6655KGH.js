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
var NotAvailableError = class extends ShipgateError {
  constructor(what) {
    super("not-available", `${what} is not available yet in this version of shipgate.`, {
      hint: "Use the CLI commands listed by `shipgate --help`, or upgrade shipgate."
    });
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

export {
  UsageError,
  NotAvailableError,
  toShipgateError
};
