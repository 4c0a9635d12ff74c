/**
 * Which `<tag>` names the XML scanner treats as skill elements. Only lowercase snake_case/kebab-case
 * names count, and the HTML names people put in Markdown (`<br>`, `<details>`, `<img ...>`) are text.
 *
 * Good: `<check id="tests_pass">`, `<step_1_verify_staging>`. Bad (text, not elements): `a < b`,
 * `<https://example.com>`, `<br>`, `<Check>`.
 */
export const ELEMENT_NAME = /[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*/y;

export const HTML_TAG_NAMES: ReadonlySet<string> = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col ' +
    'colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta ' +
    'meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search ' +
    'section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot ' +
    'th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

/** The elements of the skill language (DESIGN.md); an unclosed one of these is an error, others a warning. */
export const SKILL_ELEMENT_NAMES: ReadonlySet<string> = new Set([
  'mission_control', 'objective', 'success_criteria', 'safety_gate', 'purpose', 'checks', 'check', 'gate_validation',
  'command', 'expected', 'failure_mode', 'timeout', 'verify', 'requirement', 'verification', 'rollback_procedure',
  'trigger_conditions', 'condition', 'steps', 'step', 'investigation', 'actions', 'logic_flow', 'anti_patterns',
  'pitfall', 'prevention', 'detection', 'critical_constraint', 'quick_start', 'workflow',
]);
