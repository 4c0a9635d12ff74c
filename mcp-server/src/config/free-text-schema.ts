/** The free-text rule of config/free-text.ts as an MCP input schema: refused before the tool runs, with the argument named. */
import { z } from 'zod';
import { describeFreeText, freeTextProblem, type FreeTextRule } from './free-text.js';

export function freeTextSchema(rule: FreeTextRule): z.ZodEffects<z.ZodString, string, string> {
  return z.string().min(1).max(rule.max).superRefine((text, context) => {
    const problem = freeTextProblem(text, rule);
    if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: `expected ${describeFreeText(rule)}; the text ${problem}` });
  });
}

