/**
 * Infrastructure and cloud deploy commands: `terraform|tofu apply|destroy`, `pulumi up`, `cdk deploy`,
 * `serverless deploy`, `aws ecs update-service` and other AWS/GCP/Azure deploy verbs. These CLIs have no notion of "production" of their own, so
 * the rule refuses them unless the call itself (arguments, workspace, profile) names a
 * non-production environment.
 * Blocked: `terraform apply -auto-approve`, `aws ecs update-service --cluster prod --service api`,
 *          `gcloud run deploy api --image x`, `pulumi up -s prod`, `cdk deploy --all`, `sls deploy -s production`,
 *          `aws s3 sync dist/ s3://shop-production-site`.
 * Allowed: `terraform plan`, `terraform apply -var-file=staging.tfvars`, `aws ecs describe-services`,
 *          `aws ecs update-service --cluster staging --service api`.
 */
import { join, resolve } from 'node:path';
import { NON_PRODUCTION_WORD, optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';

const AWS_DEPLOY = new Set(['ecs update-service', 'ecs create-service', 'ecs delete-service', 'deploy create-deployment', 'lambda update-function-code', 'lambda update-alias', 'lambda publish-version', 'cloudformation deploy', 'cloudformation update-stack', 'cloudformation execute-change-set', 'cloudformation delete-stack', 'elasticbeanstalk update-environment', 'apprunner start-deployment', 'amplify start-deployment', 'eks update-cluster-config']);
const AWS_VALUE_OPTIONS = ['--profile', '--region', '--output', '--endpoint-url', '--query', '--cli-input-json', '--cli-input-yaml', '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout'];
const GCLOUD_DEPLOY = /^(run deploy|run services update|run services update-traffic|app deploy|functions deploy|deploy releases promote|deploy releases create|container clusters upgrade)/;

export const cloudInfraRule: GuardRule = {
  id: 'cloud-infra',
  check(command, guardContext) {
    const { program, args } = command;
    let what: string | null = null;
    let context: string[] = [];
    if (program === 'terraform' || program === 'tofu' || program === 'terragrunt') {
      const words = positionals(args, ['-chdir', '-var', '-var-file', '-target', '-state', '-lock-timeout', '-parallelism']);
      const verb = words[0] === 'run-all' ? words[1] : words[0];
      if (verb !== 'apply' && verb !== 'destroy') return null;
      what = `${program} ${verb}`;
      const chdir = optionValues(args, ['-chdir'])[0];
      const folder = chdir ? resolve(command.shell.cwd, chdir) : command.shell.cwd;
      context = [...args, command.env.TF_WORKSPACE ?? '', guardContext.files.readText(join(folder, '.terraform/environment'))?.trim() ?? ''];
    } else if (program === 'aws') {
      const [service, operation] = positionals(args, AWS_VALUE_OPTIONS);
      // Publishing a site: `aws s3 sync|cp|mv|rm … s3://shop-production-site`.
      if (service === 's3' && /^(sync|cp|mv|rm)$/.test(operation ?? '')) {
        const bucket = [...args].reverse().find((a) => a.startsWith('s3://'));
        return bucket && PRODUCTION_WORD.test(bucket.slice(5).split('/')[0]!) ? `aws s3 ${operation} into the production bucket ${bucket}` : null;
      }
      if (!AWS_DEPLOY.has(`${service} ${operation}`)) return null;
      what = `aws ${service} ${operation}`;
      context = [...args, command.env.AWS_PROFILE ?? ''];
    } else if (program === 'gcloud') {
      const words = positionals(args, ['--project', '--region', '--image', '--account', '--configuration']).join(' ');
      if (!GCLOUD_DEPLOY.test(words)) return null;
      what = `gcloud ${words.split(' ').slice(0, 2).join(' ')}`;
      context = [...args, command.env.CLOUDSDK_ACTIVE_CONFIG_NAME ?? ''];
    } else if (program === 'pulumi') {
      const [verb] = positionals(args, ['-s', '--stack', '-C', '--cwd', '-m', '--message', '--config-file', '-t', '--target', '--parallel', '-p']);
      if (!verb || !/^(up|update|destroy|import|refresh)$/.test(verb)) return null;
      what = `pulumi ${verb}`;
      context = [...args, command.env.PULUMI_STACK ?? ''];
    } else if (program === 'cdk' || program === 'cdktf') {
      const words = positionals(args, ['-c', '--context', '--profile', '-a', '--app', '-o', '--output', '--role-arn', '--exclusively', '--require-approval', '--parameters', '--outputs-file']);
      if (!/^(deploy|destroy|import|watch)$/.test(words[0] ?? '')) return null;
      what = `${program} ${words[0]}`;
      context = [...args, command.env.AWS_PROFILE ?? ''];
    } else if (program === 'serverless' || program === 'sls') {
      const [verb] = positionals(args, ['-s', '--stage', '-r', '--region', '-c', '--config', '--aws-profile', '-f', '--function', '--app', '--org']);
      if (!verb || !/^(deploy|remove|rollback)$/.test(verb)) return null;
      what = `${program} ${verb}`;
      context = [...args, command.env.AWS_PROFILE ?? ''];
    } else if (program === 'az') {
      const words = positionals(args, ['-g', '--resource-group', '-n', '--name', '--subscription', '-s', '--slot']).join(' ');
      if (!/^(webapp deploy|webapp deployment|functionapp deployment|containerapp update|aks upgrade)/.test(words)) return null;
      what = `az ${words.split(' ').slice(0, 2).join(' ')}`;
      context = args;
    }
    if (!what) return null;
    if (context.some((c) => PRODUCTION_WORD.test(c))) return `${what} against production`;
    if (context.some((c) => NON_PRODUCTION_WORD.test(c))) return null;
    return `${what}, which names no non-production environment (a cloud deploy is production unless it says otherwise)`;
  },
};
