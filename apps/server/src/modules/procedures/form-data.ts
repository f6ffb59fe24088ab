import { Value } from 'typebox/value';
import type { FieldIssue } from '../../platform/errors.ts';

const LIMIT_KEYWORDS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);

function issueOf(error: {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}): (prefix: string) => FieldIssue[] {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const at = (prefix: string, name?: string) => [prefix, path, name].filter(Boolean).join('.');
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return (prefix) =>
        (params.requiredProperties as string[]).map((name) => ({ field: at(prefix, name), key: 'required' }));
    case 'additionalProperties':
      return (prefix) =>
        (params.additionalProperties as string[]).map((name) => ({
          field: at(prefix, name),
          key: 'unknown_field',
        }));
    case 'boolean': // "schema is false": the same unknown field, reported above
      return () => [];
    case 'type':
      return (prefix) => [{ field: at(prefix), key: 'type', params: { type: String(params.type) } }];
    case 'enum':
      return (prefix) => [
        {
          field: at(prefix),
          key: 'enum',
          params: { allowed: (params.allowedValues as unknown[]).join(', ') },
        },
      ];
    case 'const':
      return (prefix) => [
        { field: at(prefix), key: 'const', params: { allowed: String(params.allowedValue) } },
      ];
    case 'pattern':
      return (prefix) => [{ field: at(prefix), key: 'pattern', params: { pattern: String(params.pattern) } }];
    case 'format':
      return (prefix) => [{ field: at(prefix), key: 'format', params: { format: String(params.format) } }];
    default:
      return (prefix) => [
        LIMIT_KEYWORDS.has(error.keyword)
          ? { field: at(prefix), key: error.keyword, params: { limit: Number(params.limit) } }
          : { field: at(prefix), key: error.keyword === 'uniqueItems' ? 'uniqueItems' : 'invalid' },
      ];
  }
}

/** Issues of data against any JSON Schema, one per failing field, named by its path under `prefix`. */
export function schemaIssues(schema: unknown, data: unknown, prefix: string): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const error of Value.Errors(schema as never, data)) {
    for (const issue of issueOf(error)(prefix))
      if (!byField.has(issue.field)) byField.set(issue.field, issue);
  }
  return [...byField.values()];
}

/**
 * Checks data filled in a procedure's form against its JSON Schema, one issue per failing field
 * (named by its dotted path under `prefix`), in the keys platform/messages.ts words for people.
 */
export const checkFormData = (form: Record<string, unknown>, data: unknown, prefix = 'data') =>
  schemaIssues(form, data, prefix);
