/**
 * The ONE registry of validator rules, in the order they are documented (docs/rules.md is generated
 * from this list). Adding a rule: copy a sibling file, add one line here, add fixtures under
 * test/fixtures/validate/<rule-id>/{bad,good}/ and run `node scripts/gen-rules-doc.mjs`.
 */
import type { Rule } from '../rule.js';
import { rule as frontmatterYaml } from './frontmatter-yaml.js';
import { rule as frontmatterUnknownKey } from './frontmatter-unknown-key.js';
import { rule as nameFormat } from './name-format.js';
import { rule as descriptionRequired } from './description-required.js';
import { rule as descriptionLength } from './description-length.js';
import { rule as descriptionWhatWhenNot } from './description-what-when-not.js';
import { rule as frontmatterBoolean } from './frontmatter-boolean.js';
import { rule as allowedToolsSyntax } from './allowed-tools-syntax.js';
import { rule as argumentHintConsistency } from './argument-hint-consistency.js';
import { rule as xmlWellFormed } from './xml-well-formed.js';
import { rule as xmlUnknownBlock } from './xml-unknown-block.js';
import { rule as gateHasChecks } from './gate-has-checks.js';
import { rule as checkIdFormat } from './check-id-format.js';
import { rule as checkIdUnique } from './check-id-unique.js';
import { rule as checkDecider } from './check-decider.js';
import { rule as verifyKindKnown } from './verify-kind-known.js';
import { rule as verifyAttributes } from './verify-attributes.js';
import { rule as failureModeKnown } from './failure-mode-known.js';
import { rule as durationFormat } from './duration-format.js';
import { rule as rollbackStepsSequential } from './rollback-steps-sequential.js';
import { rule as rollbackStepAction } from './rollback-step-action.js';
import { rule as rollbackTriggersPresent } from './rollback-triggers-present.js';
import { rule as triggerVocabulary } from './trigger-vocabulary.js';
import { rule as logicFlowParses } from './logic-flow-parses.js';
import { rule as logicFlowEdgesDeclared } from './logic-flow-edges-declared.js';
import { rule as logicFlowReachable } from './logic-flow-reachable.js';
import { rule as logicFlowTerminals } from './logic-flow-terminals.js';
import { rule as linksResolve } from './links-resolve.js';
import { rule as commandReferences } from './command-references.js';
import { rule as pluginManifest } from './plugin-manifest.js';
import { rule as marketplaceManifest } from './marketplace-manifest.js';
import { rule as hooksManifest } from './hooks-manifest.js';
import { rule as mcpManifest } from './mcp-manifest.js';
import { rule as pitfallIdUnique } from './pitfall-id-unique.js';
import { rule as gateNeedsMissionAndRollback } from './gate-needs-mission-and-rollback.js';
import { rule as configSchema } from './config-schema.js';

export const RULES: readonly Rule[] = [
  frontmatterYaml,
  frontmatterUnknownKey,
  nameFormat,
  descriptionRequired,
  descriptionLength,
  descriptionWhatWhenNot,
  frontmatterBoolean,
  allowedToolsSyntax,
  argumentHintConsistency,
  xmlWellFormed,
  xmlUnknownBlock,
  gateHasChecks,
  checkIdFormat,
  checkIdUnique,
  checkDecider,
  verifyKindKnown,
  verifyAttributes,
  failureModeKnown,
  durationFormat,
  rollbackStepsSequential,
  rollbackStepAction,
  rollbackTriggersPresent,
  triggerVocabulary,
  logicFlowParses,
  logicFlowEdgesDeclared,
  logicFlowReachable,
  logicFlowTerminals,
  linksResolve,
  commandReferences,
  pluginManifest,
  marketplaceManifest,
  hooksManifest,
  mcpManifest,
  pitfallIdUnique,
  gateNeedsMissionAndRollback,
  configSchema,
];

/** Changes whenever the rule set changes; part of the cache key. */
export const RULE_SET_ID = RULES.map((r) => `${r.meta.id}:${r.meta.severity}`).join(',');
