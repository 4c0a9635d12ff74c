/**
 * Production deploys through hosting CLIs: Vercel, Netlify, Fly.io, Heroku, and the platforms whose
 * deploy goes to production unless the call names another environment: Cloudflare Wrangler, Firebase,
 * Railway, Kamal, Elastic Beanstalk. Global flags may come before the verb (`fly -a app deploy`).
 * Blocked: `vercel --prod`, `vercel deploy --prod`, `vercel promote url`, `vercel alias set a b`,
 *          `netlify deploy --prod`, `fly deploy`, `fly -a app deploy`, `heroku releases:rollback`.
 *          `wrangler deploy`, `firebase deploy --only hosting`, `railway up`, `kamal deploy`, `eb deploy shop-prod`.
 * Allowed: `vercel`, `vercel deploy` (preview), `netlify deploy` (draft), `fly status`, `vercel alias ls`,
 *          `wrangler deploy --env staging`, `firebase deploy -P staging`, `wrangler dev`.
 */
import { NON_PRODUCTION_WORD, optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';

const FLY_VALUE_OPTIONS = ['-a', '--app', '-c', '--config', '-t', '--access-token', '-r', '--region', '-i', '--image', '--strategy', '-e', '--env', '--build-arg', '--dockerfile'];
const VERCEL_VALUE_OPTIONS = ['--scope', '-S', '--token', '-t', '--cwd', '-A', '--local-config', '-Q', '--global-config', '--target', '-e', '--env', '-b', '--build-env', '-m', '--meta', '--team', '-T'];

export const hostedPlatformsRule: GuardRule = {
  id: 'hosted-platforms',
  check(command) {
    const { program, args } = command;
    if (program === 'vercel' || program === 'vc') {
      const [verb, sub] = positionals(args, VERCEL_VALUE_OPTIONS);
      if (args.some((a) => a === '--prod' || a === '--production' || /^--prod(uction)?=(?!false$|0$)/.test(a)) || optionValues(args, ['--target']).includes('production')) return 'vercel production deploy';
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
    const platform = PLATFORMS[program];
    if (platform) {
      const words = positionals(args, platform.valueOptions);
      const verb = words.slice(0, 2).join(' ');
      if (!platform.deploy.test(verb)) return null;
      const named = [...optionValues(args, platform.environment), ...words.slice(1)];
      if (named.some((n) => PRODUCTION_WORD.test(n))) return `${program} ${words[0]} to production`;
      if (named.some((n) => NON_PRODUCTION_WORD.test(n))) return null;
      return `${program} ${words[0]}, which names no non-production environment (it deploys to production unless it says otherwise)`;
    }
    return null;
  },
};

/** Platforms whose deploy verb targets production unless an environment option names another. */
const PLATFORMS: Record<string, { deploy: RegExp; environment: string[]; valueOptions: string[] }> = {
  wrangler: { deploy: /^(deploy|publish|rollback|versions deploy|deployments rollback|pages deploy|pages publish)\b/, environment: ['--env', '-e', '--branch'], valueOptions: ['--env', '-e', '--config', '-c', '--name', '--branch', '--project-name', '--compatibility-date'] },
  firebase: { deploy: /^(deploy|hosting:clone|functions:delete)\b/, environment: ['-P', '--project'], valueOptions: ['-P', '--project', '--only', '--except', '-m', '--message', '--config'] },
  railway: { deploy: /^(up|redeploy|deploy|down)\b/, environment: ['-e', '--environment', '-s', '--service'], valueOptions: ['-e', '--environment', '-s', '--service', '-p', '--project'] },
  kamal: { deploy: /^(deploy|redeploy|rollback|setup|app boot|app start|app stop|remove)\b/, environment: ['-d', '--destination'], valueOptions: ['-d', '--destination', '-c', '--config-file', '-r', '--roles', '-h', '--hosts', '--version'] },
  eb: { deploy: /^(deploy|swap|restore|terminate|scale|setenv)\b/, environment: ['--environment', '-e'], valueOptions: ['--profile', '--region', '-r', '-l', '--label', '-m', '--message', '--timeout', '--source', '--modules', '--env-group-suffix'] },
};
