/**
 * Starting or re-running a deploy workflow through the GitHub CLI or the API: `gh workflow run`,
 * `gh api …/dispatches`, `gh run rerun`, and the same endpoints by curl. Workflows are looked up in
 * `.github/workflows/`; a numeric workflow or run id cannot be resolved offline, so it counts as a
 * deploy when the repository has a deploy workflow (fail closed).
 * Blocked: `gh workflow run deploy.yml`, `gh workflow run 1234` (repo has a deploy workflow),
 *          `gh api repos/o/r/actions/workflows/ship.yml/dispatches -f ref=main`, `gh run rerun 99`.
 *          `gh api repos/o/r/deployments -f ref=main` (creates a production deployment).
 * Allowed: `gh workflow run ci.yml`, `gh workflow run reproduce-bug.yml`, `gh run list`, `gh api repos/o/r/pulls`.
 */
import { NON_PRODUCTION_WORD, optionValues, positionals, PRODUCTION_WORD, type GuardCommand, type GuardRule } from './guard-rule.js';
import type { GuardContext } from '../guard-context.js';
import { findWorkflow, isDeployWorkflowName, matchesFilter, readWorkflows } from '../deploy-workflows.js';
import { isUnknown } from '../expand-words.js';

const GH_VALUE_OPTIONS = ['-R', '--repo', '-f', '--field', '-F', '--raw-field', '--ref', '-r', '-X', '--method', '-H', '--header', '--input', '-q', '--jq', '-t', '--template', '--cache', '--hostname', '-p', '--preview', '-j', '--job'];

export const ghWorkflowRule: GuardRule = {
  id: 'gh-workflow',
  check(command, context) {
    if (command.program === 'gh') {
      const [group, verb, target] = positionals(command.args, GH_VALUE_OPTIONS);
      if (group === 'workflow' && verb === 'run') return target ? workflowVerdict(target, context, command, 'gh workflow run') : null;
      if (group === 'run' && verb === 'rerun') return anyDeployWorkflow(context, command) ? `gh run rerun of a run that may belong to a deploy workflow (${target ?? 'latest'})` : null;
      if (group === 'api' && verb) return apiVerdict(verb, context, command) ?? deploymentVerdict(verb, command);
      if (group === 'release' && verb === 'create' && !command.args.some((a) => a === '--draft' || a === '-d')) {
        // Publishing a release starts `on: release` workflows; creating its tag starts `on: push: tags`.
        const workflow = readWorkflows(context.files, command.shell.cwd).find((w) => w.deploys && (w.onRelease || (target !== undefined && w.pushTags.some((p) => matchesFilter(p, target)))));
        return workflow ? `gh release create, which starts the deploy workflow "${workflow.name ?? workflow.file}"` : null;
      }
      return null;
    }
    if (command.program === 'curl' || command.program === 'wget' || command.program === 'http' || command.program === 'xh') {
      const url = command.args.find((a) => /api\.github\.com|\/repos\//.test(a));
      return url ? apiVerdict(url, context, command) : null;
    }
    return null;
  },
};

function apiVerdict(endpoint: string, context: GuardContext, command: GuardCommand): string | null {
  const dispatch = /actions\/workflows\/([^/]+)\/dispatches/.exec(endpoint);
  if (dispatch) return workflowVerdict(decodeURIComponent(dispatch[1]!), context, command, 'workflow dispatch through the API');
  if (/\/dispatches\/?(\?|$)/.test(endpoint)) {
    const workflows = readWorkflows(context.files, command.shell.cwd);
    return workflows.some((w) => w.deploys && w.onRepositoryDispatch) || workflows.length === 0 ? 'repository_dispatch, which starts the deploy workflow' : null;
  }
  if (/actions\/(runs|jobs)\/\d+\/rerun/.test(endpoint)) return anyDeployWorkflow(context, command) ? 're-running a workflow run that may be a deploy' : null;
  return null;
}

function workflowVerdict(id: string, context: GuardContext, command: GuardCommand, how: string): string | null {
  const workflows = readWorkflows(context.files, command.shell.cwd);
  const found = findWorkflow(workflows, id);
  if (found) return found.deploys ? `${how} of the deploy workflow "${found.name ?? found.file}"` : null;
  if (/^\d+$/.test(id)) return workflows.some((w) => w.deploys) ? `${how} of workflow id ${id}, which cannot be told apart from the deploy workflow offline` : null;
  if (isUnknown(id)) return workflows.some((w) => w.deploys) || !workflows.length ? `${how} of a workflow named at run time, which may be the deploy workflow` : null;
  return isDeployWorkflowName(id) ? `${how} of the deploy workflow "${id}"` : null;
}

function anyDeployWorkflow(context: GuardContext, command: GuardCommand): boolean {
  return readWorkflows(context.files, command.shell.cwd).some((w) => w.deploys);
}

/**
 * `gh api repos/o/r/deployments -f ref=main`: creating a deployment (a POST, which any field implies)
 * starts whatever deploys on `deployment` events; GitHub's default environment is production.
 */
function deploymentVerdict(endpoint: string, command: GuardCommand): string | null {
  if (!/\/deployments\/?(\?|$)/.test(endpoint)) return null;
  const method = optionValues(command.args, ['-X', '--method'])[0]?.toUpperCase();
  const fields = optionValues(command.args, ['-f', '--field', '-F', '--raw-field']);
  const posts = method === 'POST' || (method === undefined && (fields.length > 0 || command.args.some((a) => a === '--input' || a.startsWith('--input='))));
  if (!posts) return null;
  const environment = fields.find((f) => /^environment=/.test(f))?.slice('environment='.length);
  if (environment !== undefined && !PRODUCTION_WORD.test(environment) && NON_PRODUCTION_WORD.test(environment)) return null;
  return `creating a GitHub deployment (environment ${environment ?? 'production, the default'})`;
}
