/**
 * trigger-vocabulary: a `<condition>` with a `metric` or `event` uses words the monitor knows
 * (skill/trigger-vocabulary.ts), `above`/`below`/`for` only where that metric takes them, fractions as
 * fractions, and `migration_failure` with a signal (`command`). Anything else would be linted prose
 * that silently never triggers a rollback.
 *
 * Bad: `<condition metric="error_rate" above="5">`. Good: `<condition metric="error_rate" above="0.05" for="2m">`.
 */
import type { DocumentRule } from '../rule.js';
import { didYouMean, firstLine } from '../rule-helpers.js';
import { PROMETHEUS_METRIC_PREFIX, TRIGGER_EVENTS, TRIGGER_EVENT_NAMES, TRIGGER_METRICS, TRIGGER_METRIC_NAMES } from '../../skill/trigger-vocabulary.js';

export const rule: DocumentRule = {
  meta: {
    id: 'trigger-vocabulary',
    description: 'Rollback trigger conditions use the metrics, events and units the monitor knows.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The skill\'s trigger conditions drive the deploy monitor; an unknown metric or a percentage written as 5 instead of 0.05 would never (or always) fire.',
      bad: '<rollback_procedure>\n<trigger_conditions>\n<condition metric="eror_rate" above="5" for="2m">Error rate above 5%</condition>\n<condition event="migration_failure">Migrations failed</condition>\n</trigger_conditions>\n</rollback_procedure>\n',
      good: '<rollback_procedure>\n<trigger_conditions>\n<condition metric="error_rate" above="0.05" for="2m">Error rate above 5%</condition>\n<condition event="migration_failure" command="npm run -s migrate:status">Migrations failed</condition>\n</trigger_conditions>\n</rollback_procedure>\n',
    },
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      for (const condition of procedure.triggerConditions) {
        const at = (attribute: string) => condition.attributePositions?.[attribute] ?? firstLine(condition.position);
        if (condition.metric !== undefined && !condition.metric.startsWith(PROMETHEUS_METRIC_PREFIX)) {
          const spec = TRIGGER_METRICS[condition.metric];
          if (!spec) {
            const suggestion = didYouMean(condition.metric, TRIGGER_METRIC_NAMES);
            report({
              message: `Unexpected trigger metric "${condition.metric}", expected one of ${TRIGGER_METRIC_NAMES.join(', ')} or ${PROMETHEUS_METRIC_PREFIX}<query name>${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
              position: at('metric'),
              ...(suggestion ? { fix: { description: `use metric="${suggestion}"`, replacement: suggestion } } : {}),
            });
            continue;
          }
          if (condition.below !== undefined) report({ message: `Unexpected below= on metric "${condition.metric}", expected above= (the monitor rolls back when it rises).`, position: at('below') });
          if (condition.above !== undefined && !spec.above) report({ message: `Unexpected above= on metric "${condition.metric}", expected only for= (it has no threshold).`, position: at('above') });
          if (condition.forMs !== undefined && !spec.for) report({ message: `Unexpected for= on metric "${condition.metric}", expected none (it is judged on every tick).`, position: at('for') });
          if (condition.above !== undefined && spec.above?.unit === 'fraction' && (condition.above < 0 || condition.above > 1)) {
            report({ message: `Unexpected above="${condition.above}" on metric "${condition.metric}", expected a fraction between 0 and 1 (5% is 0.05).`, position: at('above') });
          }
          if (condition.above !== undefined && spec.above?.unit === 'count' && (!Number.isInteger(condition.above) || condition.above < 1)) {
            report({ message: `Unexpected above="${condition.above}" on metric "${condition.metric}", expected a whole number of ticks (1 or more).`, position: at('above') });
          }
        }
        if (condition.event !== undefined) {
          const spec = TRIGGER_EVENTS[condition.event];
          if (!spec) {
            const suggestion = didYouMean(condition.event, TRIGGER_EVENT_NAMES);
            report({ message: `Unexpected trigger event "${condition.event}", expected one of ${TRIGGER_EVENT_NAMES.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`, position: at('event') });
          } else if (spec.needsSignal && !condition.command?.trim()) {
            report({ message: `Unexpected event "${condition.event}" without a signal, expected command="..." (a repository command that exits non-zero when it happened).`, position: at('event') });
          }
        }
      }
    }
  },
};
