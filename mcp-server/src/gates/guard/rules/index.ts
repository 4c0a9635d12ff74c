/** The one registry of guard rules, checked in order for every simple command. */
import type { GuardRule } from './guard-rule.js';
import { kubectlRule } from './kubectl.js';
import { helmRule } from './helm.js';
import { gitPushRule } from './git-push.js';
import { hostedPlatformsRule } from './hosted-platforms.js';
import { ghWorkflowRule } from './gh-workflow.js';
import { cloudInfraRule } from './cloud-infra.js';
import { configuredCommandRule } from './configured-command.js';
import { selfAttestRule } from './self-attest.js';
import { shipgateStateRule } from './shipgate-state.js';
import { shipgateRefsRule } from './shipgate-refs.js';
import { gitopsRule } from './gitops.js';

export const guardRules: readonly GuardRule[] = [kubectlRule, helmRule, gitopsRule, gitPushRule, hostedPlatformsRule, ghWorkflowRule, cloudInfraRule, configuredCommandRule, selfAttestRule, shipgateStateRule, shipgateRefsRule];
