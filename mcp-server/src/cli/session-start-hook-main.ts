/** SessionStart hook entry (lessons). Implemented by the learnings work; placeholder prints nothing. */
process.exitCode = 0;
