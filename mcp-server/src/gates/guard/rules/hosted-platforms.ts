/**
 * Production deploys through hosting CLIs: Vercel, Netlify, Fly.io.
 * Blocked: `vercel --prod`, `vercel deploy --prod`, `netlify deploy --prod`, `fly deploy`, `flyctl deploy`.
 * Allowed: `vercel`, `vercel deploy` (preview), `netlify deploy` (draft), `fly status`.
 */
import { optionValues, type GuardRule } from './guard-rule.js';

export const hostedPlatformsRule: GuardRule = {
  id: 'hosted-platforms',
  check(command) {
    const { program, args } = command;
    if (program === 'vercel' || program === 'vc') {
      if (args.includes('--prod') || args.includes('--production') || optionValues(args, ['--target']).includes('production') || args[0] === 'promote') return 'vercel production deploy';
    }
    if (program === 'netlify' && args.includes('deploy') && args.some((a) => a === '--prod' || a === '--prod-if-unlocked' || a === '-p')) return 'netlify production deploy';
    if ((program === 'fly' || program === 'flyctl') && args.find((a) => !a.startsWith('-')) === 'deploy') return 'fly deploy';
    return null;
  },
};
