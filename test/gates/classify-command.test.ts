/** The Bash guard's verdicts: a table of raw production deploys (blocked) and everyday commands (allowed). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyCommand as classify, type GuardVerdict } from '../../mcp-server/src/gates/guard/classify-command.js';
import { DEFAULT_GUARD_POLICY, policyFromConfig, type GuardPolicy } from '../../mcp-server/src/gates/guard/guard-policy.js';
import { parseShell, splitShell } from '../../mcp-server/src/gates/guard/split-shell.js';
import { fsLookup } from '../../mcp-server/src/gates/guard/fs-lookup.js';

/** An empty folder outside any repository, so only the command text and the policy decide. */
const cwd = mkdtempSync(join(tmpdir(), 'shipgate-classify-'));
const env = { HOME: join(cwd, 'home') };
function classifyCommand(command: string, policy: GuardPolicy = DEFAULT_GUARD_POLICY): GuardVerdict {
  return classify(command, { policy, env, cwd, files: fsLookup() });
}

const BLOCKED: string[] = [
  'kubectl apply -f k8s/ --context prod-eu',
  'kubectl --context=production apply -f k8s/',
  'kubectl -n production rollout restart deploy/api',
  'kubectl rollout undo deployment/api --namespace=production',
  'kubectl set image deploy/api api=registry/api:2.0.0 -n production',
  'kubectl scale deploy/api --replicas=0 -n production',
  'kubectl delete pod api-123 --namespace production',
  'kubectl patch deploy api -p "{}" --context prod',
  'kubectl replace -f api.yaml -nproduction',
  'kubectl edit deploy/api -n production',
  'kubectl apply -f k8s/production/',
  'helm upgrade api ./chart -n production',
  'helm rollback api 3 --kube-context prod',
  'helm install api ./chart -f values-production.yaml',
  'helm uninstall api --namespace production',
  'git push origin main:production',
  'git push origin HEAD:production',
  'git push origin production',
  'git push --force origin main:production',
  'git push origin +main:production',
  'git push origin main:refs/heads/production',
  'git -C app push origin HEAD:prod',
  'git push origin --delete production',
  'git push origin :production',
  'vercel --prod',
  'vercel deploy --prod',
  'npx vercel --prod --yes',
  'netlify deploy --prod --dir dist',
  'fly deploy',
  'flyctl deploy --app api',
  'gh workflow run deploy.yml -f environment=production',
  'gh workflow run "Deploy production"',
  // disguised forms
  'env X=1 kubectl apply -f k8s/ -n production',
  'FOO=bar git push origin HEAD:production',
  'sudo -u deploy kubectl -n production rollout restart deploy/api',
  'bash -c "git push origin HEAD:production"',
  "sh -c 'kubectl apply -f . --context prod'",
  'bash -lc "cd app && vercel --prod"',
  'npm test && git push origin main:production',
  'true || kubectl delete ns app -n production',
  'echo ok; fly deploy',
  'cat x | xargs kubectl apply -n production -f',
  'eval "git push origin main:production"',
  'echo $(git push origin main:production)',
  'echo `vercel --prod`',
  'nohup timeout 60 helm upgrade api ./chart -n production &',
  '/usr/local/bin/kubectl apply -n production -f k.yaml',
  'cd app\ngit push origin HEAD:production',
  'k"ube"ctl apply -n "produc"tion -f k.yaml',
  'if true; then git push origin main:production; fi',
  'bash -c "bash -c \\"git push origin HEAD:production\\""',
  '(cd app && fly deploy)',
  'shipgate attest code_review --by Ada --evidence ok',
  'npx shipgate attest code_review --by Ada --evidence ok',
  'node mcp-server/dist/cli.js attest code_review --by Ada --evidence ok',
  `echo '{"id":"x"}' > .claude/shipgate/receipts/production.json`,
  'cp /tmp/r.json .claude/shipgate/receipts/production.json',
  "sed -i 's/pending/passed/' .claude/shipgate/attestations.jsonl",
  'printf "%s\\n" "{}" >> ./.claude/shipgate/attestations.jsonl',
  'node forge.js .claude/shipgate/receipts/production.json',
];

const ALLOWED: string[] = [
  'npm test',
  'git status',
  'git push origin main',
  'git push',
  'git push origin feature/production-banner',
  'git push origin production-notes:docs',
  'git log --oneline production',
  'git checkout production',
  'kubectl get pods -n production',
  'kubectl describe deploy api --context prod',
  'kubectl rollout status deploy/api -n production',
  'kubectl logs api-123 -n production',
  'kubectl apply -f k8s/ --context staging',
  'kubectl apply -f k8s/staging/ -n staging',
  'helm list -n production',
  'helm upgrade api ./chart -n staging',
  'helm template ./chart',
  'vercel',
  'vercel deploy',
  'netlify deploy --dir dist',
  'fly status',
  'gh workflow run ci.yml',
  'gh workflow list',
  'echo "git push origin main:production"',
  "grep -r 'kubectl apply -n production' docs/",
  'ls -la',
  'cat scripts/deploy.sh',
  '# git push origin main:production',
  'npx shipgate gate --env production',
  'shipgate attest --help',
  'cat .claude/shipgate/attestations.jsonl',
  'git diff .claude/shipgate/',
  'jq . .claude/shipgate/receipts/production.json',
];

describe('classifyCommand', () => {
  it('has a table of at least 40 commands', () => {
    expect(BLOCKED.length + ALLOWED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BLOCKED)('blocks %s', (command) => {
    const verdict = classifyCommand(command);
    expect(verdict.blocked).toBe(true);
    expect(verdict.reason).toBeTruthy();
  });

  it.each(ALLOWED)('allows %s', (command) => {
    expect(classifyCommand(command)).toEqual({ blocked: false });
  });

  it('uses the configured providers of production environments', () => {
    const policy = policyFromConfig({
      environments: {
        production: { provider: { type: 'command', deploy: ['./scripts/deploy.sh', '{version}'], undo: ['deployctl', 'rollback', '--app', 'shop'] } },
        'prod-k8s': { provider: { type: 'kubernetes', context: 'gke_shop_eu', namespace: 'shop', deployment: 'api' } },
        'prod-heroku': { provider: { type: 'git-push', remote: 'heroku', branch: 'main' } },
        staging: { provider: { type: 'command', deploy: ['./scripts/stage.sh'] } },
      },
    });
    policy.projectRoot = cwd;
    expect(classifyCommand('./scripts/deploy.sh 1.2.3', policy).blocked).toBe(true);
    expect(classifyCommand('bash scripts/deploy.sh 1.2.3', policy).blocked).toBe(true);
    expect(classifyCommand('deployctl rollback --app shop', policy).blocked).toBe(true);
    expect(classifyCommand('kubectl apply -f k.yaml --context gke_shop_eu', policy).blocked).toBe(true);
    expect(classifyCommand('kubectl -n shop set image deploy/api api=x:1', policy).blocked).toBe(true);
    expect(classifyCommand('git push heroku main', policy).blocked).toBe(true);
    expect(classifyCommand('git push origin main', policy).blocked).toBe(false);
    expect(classifyCommand('./scripts/stage.sh', policy).blocked).toBe(false);
    expect(classifyCommand('./scripts/deploy-docs.sh', policy).blocked).toBe(false);
    expect(classifyCommand('deployctl status --app shop', policy).blocked).toBe(false);
  });

  it('classifies 100,000-character commands of every shape in bounded time (loose bound; bench/guard-hook.mjs measures)', () => {
    const shapes = ['npm run build xxxxxxxxxx '.repeat(4000), 'echo hello && ls -la; '.repeat(5000), '"a b c" \'d e\' $\'f\\ng\' '.repeat(5000), 'echo $(echo a) `b` ; '.repeat(6000), 'git push origin feature; '.repeat(5000), `foo ${'a/b/c '.repeat(20000)}`];
    for (const shape of shapes) {
      const command = shape.slice(0, 100_000);
      const started = performance.now();
      expect(classifyCommand(command).blocked).toBe(false);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(classifyCommand(`${'echo ok; '.repeat(11_000)}git push origin main:production`).blocked).toBe(true);
  });

  it('keeps the red-team features bounded on 100,000-character commands: braces, loops, xargs, aliases, functions, file writes', () => {
    const shapes = ['echo {a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r} ; '.repeat(2000), 'x{a,b} '.repeat(15000), 'for b in a b c d e f g h i j k l m n o p; do echo $b; done; '.repeat(1500), 'echo a b c | xargs -I{} echo {}; '.repeat(3000), "alias p='echo x'\np\n".repeat(6000), 'f() { echo "$@"; }; f a b; '.repeat(3500), 'echo x > f1; '.repeat(8000)];
    for (const shape of shapes) {
      const command = shape.slice(0, 100_000);
      const started = performance.now();
      expect(classifyCommand(command).blocked).toBe(false);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    // Past the loop budget a loop variable is unknown: a push to it is refused (fail closed), whatever the list says.
    expect(classifyCommand(`${'for b in a b c d e f g h i j k l m n o p; do echo $b; done; '.repeat(200)}for b in feature; do git push origin $b; done`).blocked).toBe(true);
    expect(classifyCommand(`${'for b in a b c d e f g h i j k l m n o p; do echo $b; done; '.repeat(5)}for b in feature; do git push origin $b; done`).blocked).toBe(false);
    expect(classifyCommand(`${'for b in a b c d e f g h i j k l m n o p; do echo $b; done; '.repeat(200)}for b in production; do git push origin $b; done`).blocked).toBe(true);
  });

  it('fails closed past its bounds: too long, too many commands, nested too deeply', () => {
    expect(classifyCommand(`${'x'.repeat(200_001)}`)).toMatchObject({ blocked: true, ruleId: 'too-complex' });
    expect(classifyCommand(`${':;'.repeat(50_001)}git push origin main:production`)).toMatchObject({ blocked: true, ruleId: 'too-complex' });
    expect(classifyCommand('$('.repeat(50_000))).toMatchObject({ blocked: true, ruleId: 'too-complex' });
    let nested = 'git push origin main:production';
    for (let i = 0; i < 12; i += 1) nested = `bash -c ${JSON.stringify(nested)}`;
    expect(classifyCommand(nested).blocked).toBe(true);
    expect(classifyCommand('bash -c "bash -c \\"npm test\\""').blocked).toBe(false);
  });

  it('never throws on hostile or broken input, and stays fast', () => {
    const inputs = ['"unclosed', "'", '$(', '`', '\\', '\u0000kubectl', 'a'.repeat(1_000_000), '$('.repeat(5_000), '(((((', 'bash -c', 'env', 'sudo'];
    const started = performance.now();
    for (const input of inputs) expect(() => classifyCommand(input)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('splits shell text into simple commands, nested command strings included', () => {
    expect(splitShell('a "b c" d\\ e && f > out.txt 2>&1; g | h $(i j)')).toEqual([['a', 'b c', 'd e'], ['f'], ['g'], ['h', '\u00030\u0002']]);
    const parsed = parseShell('a "b c" d\\ e && f > out.txt 2>&1; g | h $(i j)');
    expect(parsed.substitutions).toEqual(['i j']);
    expect(parsed.commands[1]!.redirects).toEqual([{ op: '>', target: 'out.txt' }]);
    expect(parsed.commands.map((c) => c.joinedBy)).toEqual(['start', '&&', ';', '|']);
  });
});
