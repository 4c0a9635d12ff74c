/**
 * The one registry of MCP tools, in the order a deploy uses them. Each tool lives in its own file
 * (server/tools/<kebab-name>.ts) exporting `tool`; add one by copying a sibling and adding a line here.
 *
 * Cold start: this file and every tool file import only zod and types at module level; a tool's
 * handler loads its core with `import()`, so `tools/list` never loads git, execa, yaml or remark.
 */
import type { ToolDefinition } from '../tool.js';
import { tool as gateCheck } from './gate-check.js';
import { tool as gateAttest } from './gate-attest.js';
import { tool as versionBump } from './version-bump.js';
import { tool as deploy } from './deploy.js';
import { tool as rollback } from './rollback.js';
import { tool as healthCheck } from './health-check.js';
import { tool as deploymentStatus } from './deployment-status.js';
import { tool as runbookGenerate } from './runbook-generate.js';
import { tool as learningsGet } from './learnings-get.js';
import { tool as learningsRecord } from './learnings-record.js';
import { tool as validateSkills } from './validate-skills.js';

export const tools: readonly ToolDefinition[] = [
  gateCheck,
  gateAttest,
  versionBump,
  deploy,
  rollback,
  healthCheck,
  deploymentStatus,
  runbookGenerate,
  learningsGet,
  learningsRecord,
  validateSkills,
];
