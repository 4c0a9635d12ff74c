/**
 * command provider: the user's own argument vectors for deploy, traffic, promote, undo and status
 * (Vercel, Netlify, Fly, `gh workflow run`, scripts). Placeholders `{version} {tag} {sha} {weight}
 * {color}` are substituted inside single arguments and run with runArgv: no shell ever sees them.
 *
 * Good: `deploy: [fly, deploy, --image, "registry/app:{version}"]`.
 * Bad:  `deploy: ["sh", "-c", "fly deploy --image registry/app:$VERSION && ..."]` (works, but the plan
 *       can no longer show what runs; prefer a script file in the repository).
 */
import { runArgv } from '../../exec/run.js';
import type { Provider, ProviderAction, ProviderRunResult, ReleaseRef } from './provider.js';
import { providerRunOptions, runSequence, substitutePlaceholders } from './provider.js';

export interface CommandProviderConfig {
  type: 'command';
  deploy: string[];
  traffic?: string[];
  promote?: string[];
  undo?: string[];
  status?: string[];
  timeout: number;
}

export function createCommandProvider(config: CommandProviderConfig): Provider {
  function argvFor(action: ProviderAction, release: ReleaseRef): string[] | undefined {
    const template = action.action === 'deploy' ? config.deploy : config[action.action];
    if (!template) return undefined;
    return substitutePlaceholders(template, { version: release.version, tag: release.tag, sha: release.sha, weight: action.weight, color: action.color ?? 'stable' });
  }
  return {
    type: 'command',
    supports: (action) => action === 'deploy' || Boolean(config[action]),
    commands(action, release) {
      const argv = argvFor(action, release);
      return argv ? [argv] : [];
    },
    async run(action, release, context): Promise<ProviderRunResult> {
      const argv = argvFor(action, release);
      if (!argv) return { ok: true, runs: [], detail: `no ${action.action} command configured (nothing to do)` };
      return runSequence([argv], context, runArgv);
    },
    async status(context) {
      if (!config.status) return { detail: 'no status command configured' };
      const result = await runArgv(config.status[0]!, config.status.slice(1), providerRunOptions(context));
      const text = result.stdout.trim();
      const version = /\b(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/.exec(text)?.[1];
      return { version, detail: result.exitCode === 0 ? text.slice(0, 500) : `status command failed (exit ${result.exitCode})` };
    },
  };
}
