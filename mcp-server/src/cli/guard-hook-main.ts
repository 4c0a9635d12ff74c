/** PreToolUse hook entry (Bash guard). Implemented by the gates work; placeholder lets everything pass. */
process.exitCode = 0;
