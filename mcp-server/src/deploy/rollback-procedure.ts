/**
 * The gate skills' `<rollback_procedure>` steps that carry a `<command>`: repository content, run with
 * runScript after the provider's undo, each with its own `<timeout>` (default 2 minutes).
 * Good: `<step id="flush_cdn"><command>npm run cdn:purge</command><timeout>60</timeout></step>`.
 * Bad:  a step whose command comes from a tool argument (never: only the skill file is read).
 */
import { loadConfig } from '../config/load-config.js';
import { gateSettings } from '../gates/gate-settings.js';
import { parseGateFiles, resolveGateFiles } from '../gates/load-gate-skills.js';
import type { RollbackProcedureStep } from './apply-deploy.js';

export async function loadRollbackProcedure(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): Promise<RollbackProcedureStep[]> {
  const loaded = await loadConfig(projectRoot);
  const files = await resolveGateFiles(projectRoot, gateSettings(loaded, environment).gates, env);
  const documents = await parseGateFiles(files);
  const steps: RollbackProcedureStep[] = [];
  for (const document of documents) {
    for (const procedure of document.model.rollbackProcedures) {
      for (const step of procedure.steps) {
        if (step.command) steps.push({ id: step.id, command: step.command, timeoutMs: step.timeoutMs ?? 120_000 });
      }
    }
  }
  return steps;
}
