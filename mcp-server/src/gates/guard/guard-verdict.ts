/** What the guard decided about one command (classify-command.ts decides, refusal-message.ts words it). */
export interface GuardVerdict {
  blocked: boolean;
  /** Why, for the refusal the model sees (set when blocked). */
  reason?: string;
  ruleId?: string;
  /** The simple command that matched, re-joined and shortened. */
  matched?: string;
}
