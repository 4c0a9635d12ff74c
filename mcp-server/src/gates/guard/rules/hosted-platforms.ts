/**
 * Production deploys through hosting CLIs: Vercel, Netlify, Fly.io, Heroku. Global flags may come
 * before the verb (`fly -a app deploy`).
 * Blocked: `vercel --prod`, `vercel deploy --prod`, `vercel promote url`, `vercel alias set a b`,
 *          `netlify deploy --prod`, `fly deploy`, `fly -a app deploy`, `heroku releases:rollback`.
 * Allowed: `vercel`, `vercel deploy` (preview), `netlify deploy` (draft), `fly status`, `vercel alias ls`.
 */
import { optionValues, positionals, type GuardRule } from './guard-rule.js';

const FLY_VALUE_OPTIONS = ['-a', '--app', '-c', '--config', '-t', '--access-token', '-r', '--region', '-i', '--image', '--strategy', '-e', '--env', '--build-arg', '--dockerfile'];
const VERCEL_VALUE_OPTIONS = ['--scope', '-S', '--token', '-t', '--cwd', '-A', '--local-config', '-Q', '--global-config', '--target', '-e', '--env', '-b', '--build-env', '-m', '--meta', '--team', '-T'];

export const hostedPlatformsRule: GuardRule = {
  id: 'hosted-platforms',
  check(command) {
    const { program, args } = command;
    if (program === 'vercel' || program === 'vc') {
      const [verb, sub] = positionals(args, VERCEL_VALUE_OPTIONS);
      if (args.includes('--prod') || args.includes('--production') || optionValues(args, ['--target']).includes('production')) return 'vercel production deploy';
      if (verb === 'promote' || verb === 'rollback') return `vercel ${verb} (changes what production serves)`;
      if (verb === 'alias' && (sub === 'set' || (sub !== undefined && !['ls', 'list', 'rm', 'remove', 'help'].includes(sub)))) return 'vercel alias set (points a production domain at a deployment)';
    }
    if (program === 'netlify' && positionals(args, ['--dir', '-d', '--site', '-s', '--auth', '--alias', '--message', '-m', '--functions', '-f', '--filter'])[0] === 'deploy' && args.some((a) => a === '--prod' || a === '--prod-if-unlocked' || a === '-p' || a === '--production')) return 'netlify production deploy';
    if (program === 'fly' || program === 'flyctl') {
      const [verb, sub] = positionals(args, FLY_VALUE_OPTIONS);
      if (verb === 'deploy') return 'fly deploy';
      if ((verb === 'releases' && sub === 'rollback') || (verb === 'deploy' && sub)) return `fly ${verb} ${sub}`;
    }
    if (program === 'heroku') {
      const [verb] = positionals(args, ['-a', '--app', '-r', '--remote']);
      if (verb && /^(releases:rollback|rollback|container:release|pipelines:promote)$/.test(verb)) return `heroku ${verb}`;
    }
    return null;
  },
};
