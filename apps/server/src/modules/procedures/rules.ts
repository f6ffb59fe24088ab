import type { BudgetUnit, LegalDeadline, ProcedureContent } from '@tinhso/contracts';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * Pure rules a procedure version must satisfy before it is stored. Every rule answers the issues it
 * finds, each naming its field, so one answer lists them all.
 */

/** A working day is 8 working hours, or 2 half days. */
export const HOURS_PER_WORKING_DAY = 8;
const HOURS_PER_BUDGET_UNIT: Record<BudgetUnit, number> = { hour: 1, half_day: 4, working_day: 8 };

export const budgetHours = (budget: { value: number; unit: BudgetUnit }): number =>
  budget.value * HOURS_PER_BUDGET_UNIT[budget.unit];

/**
 * The working hours a legal deadline surely contains, for checking step budgets against it.
 * - working days and hours convert exactly (1 working day = 8 hours);
 * - calendar days count only the weekdays they surely contain: floor(days × 5 / 7) working days;
 * - a month counts as 28 calendar days, so 20 working days.
 * Public holidays are not subtracted for calendar days and months: the budgets are a plan inside the
 * deadline; the calendar module computes the real due date of each dossier.
 */
export function deadlineHours(deadline: LegalDeadline): number {
  switch (deadline.unit) {
    case 'hour':
      return deadline.value;
    case 'working_day':
      return deadline.value * HOURS_PER_WORKING_DAY;
    case 'calendar_day':
      return Math.floor((deadline.value * 5) / 7) * HOURS_PER_WORKING_DAY;
    case 'month':
      return Math.floor((deadline.value * 28 * 5) / 7) * HOURS_PER_WORKING_DAY;
  }
}

/** JSON Schema keywords the form renderer and the dossier validator understand. */
const FORM_KEYWORDS = new Set([
  '$schema',
  '$id',
  'type',
  'title',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'default',
  'examples',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
]);
const FORM_TYPES = new Set(['object', 'string', 'integer', 'number', 'boolean', 'array']);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkFormNode(node: unknown, path: string, issues: FieldIssue[]): void {
  if (!isPlainObject(node)) {
    issues.push({ field: path, key: 'not_json_schema' });
    return;
  }
  for (const keyword of Object.keys(node)) {
    // x-… keys are hints for the renderer (widget, order) and are ignored by validation.
    if (!FORM_KEYWORDS.has(keyword) && !keyword.startsWith('x-'))
      issues.push({ field: `${path}.${keyword}`, key: 'schema_keyword' });
  }
  const type = node.type;
  if (node.enum === undefined && node.const === undefined && !FORM_TYPES.has(String(type)))
    issues.push({ field: `${path}.type`, key: 'enum', params: { allowed: [...FORM_TYPES].join(', ') } });
  if (typeof node.pattern === 'string') {
    try {
      new RegExp(node.pattern, 'u');
    } catch {
      issues.push({ field: `${path}.pattern`, key: 'invalid' });
    }
  }
  if (type === 'object') {
    const properties = node.properties ?? {};
    if (!isPlainObject(properties)) {
      issues.push({ field: `${path}.properties`, key: 'not_json_schema' });
      return;
    }
    for (const [name, child] of Object.entries(properties))
      checkFormNode(child, `${path}.properties.${name}`, issues);
    const required = node.required ?? [];
    if (
      !Array.isArray(required) ||
      required.some((name) => typeof name !== 'string' || !(name in properties))
    )
      issues.push({ field: `${path}.required`, key: 'required_unknown' });
  }
  if (type === 'array') checkFormNode(node.items, `${path}.items`, issues);
}

/** A form must be a JSON Schema object with properties, in the subset the renderer supports. */
export function checkFormSchema(form: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isPlainObject(form) || form.type !== 'object' || !isPlainObject(form.properties))
    return [{ field: 'form', key: 'not_json_schema' }];
  checkFormNode(form, 'form', issues);
  return issues;
}

/** Every rule of a version's content; an empty list means it may be stored. */
export function checkProcedureContent(content: ProcedureContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const total = content.steps.reduce((sum, step) => sum + budgetHours(step.budget), 0);
  const limit = deadlineHours(content.deadline);
  if (total > limit)
    issues.push({ field: 'steps', key: 'budget_exceeds_deadline', params: { total, limit } });
  if (content.onlineLevel === 'mot_phan' && !content.motPhanJustification?.trim())
    issues.push({ field: 'motPhanJustification', key: 'required' });
  issues.push(...checkFormSchema(content.form));
  return issues;
}
