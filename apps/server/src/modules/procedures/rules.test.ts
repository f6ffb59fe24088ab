import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { CreateProcedure, type ProcedureContent } from '@tinhso/contracts';
import { contentOf } from './check-content.ts';
import { demoCatalogue } from './demo/catalogue.ts';
import { budgetHours, checkFormSchema, checkProcedureContent, deadlineHours } from './rules.ts';

const base = (): ProcedureContent => structuredClone(contentOf(demoCatalogue[0]!));

describe('step budgets against the legal deadline', () => {
  it('converts budgets to working hours: 1 working day = 2 half days = 8 hours', () => {
    expect(budgetHours({ value: 1, unit: 'working_day' })).toBe(8);
    expect(budgetHours({ value: 2, unit: 'half_day' })).toBe(8);
    expect(budgetHours({ value: 1.5, unit: 'hour' })).toBe(1.5);
  });

  it('counts only the weekdays a calendar-day or month deadline surely holds', () => {
    expect(deadlineHours({ value: 3, unit: 'working_day' })).toBe(24);
    expect(deadlineHours({ value: 4, unit: 'hour' })).toBe(4);
    expect(deadlineHours({ value: 15, unit: 'calendar_day' })).toBe(80); // floor(75/7) = 10 days
    expect(deadlineHours({ value: 7, unit: 'calendar_day' })).toBe(40);
    expect(deadlineHours({ value: 1, unit: 'month' })).toBe(160);
  });

  it('accepts steps that fill the deadline exactly and refuses one hour more, naming steps', () => {
    const content = base();
    expect(checkProcedureContent(content)).toEqual([]);
    content.steps[0]!.budget = { value: 2, unit: 'hour' };
    expect(checkProcedureContent(content)).toEqual([
      { field: 'steps', key: 'budget_exceeds_deadline', params: { total: 9, limit: 8 } },
    ]);
  });
});

describe('online level', () => {
  it('requires a justification for một phần, and not for toàn trình', () => {
    const content = { ...base(), onlineLevel: 'mot_phan' as const, motPhanJustification: '  ' };
    expect(checkProcedureContent(content)).toEqual([{ field: 'motPhanJustification', key: 'required' }]);
    expect(checkProcedureContent({ ...content, motPhanJustification: 'Phải có mặt để ký' })).toEqual([]);
    expect(checkProcedureContent({ ...content, onlineLevel: 'toan_trinh' })).toEqual([]);
  });
});

describe('the form is a JSON Schema object', () => {
  it('refuses what is not an object schema', () => {
    expect(checkFormSchema({ type: 'string' })).toEqual([{ field: 'form', key: 'not_json_schema' }]);
    expect(checkFormSchema({ foo: 1 })).toEqual([{ field: 'form', key: 'not_json_schema' }]);
  });

  it('names unsupported keywords, unknown types, bad patterns and unknown required fields', () => {
    const issues = checkFormSchema({
      type: 'object',
      required: ['a', 'missing'],
      properties: {
        a: { type: 'strin' },
        b: { type: 'string', pattern: '(' },
        c: { type: 'object', properties: { d: { type: 'number', $ref: '#/x' } } },
        e: { type: 'array', items: 'x' },
      },
    });
    expect(issues.map((issue) => `${issue.field}:${issue.key}`)).toEqual([
      'form.properties.a.type:enum',
      'form.properties.b.pattern:invalid',
      'form.properties.c.properties.d.$ref:schema_keyword',
      'form.properties.e.items:not_json_schema',
      'form.required:required_unknown',
    ]);
  });

  it('accepts renderer hints (x-…) and validates data with the schema as written', () => {
    const form = {
      type: 'object',
      required: ['hoTen'],
      additionalProperties: false,
      properties: { hoTen: { type: 'string', minLength: 1, 'x-widget': 'text' } },
    };
    expect(checkFormSchema(form)).toEqual([]);
    expect(Value.Check(form as never, { hoTen: 'Nguyễn Văn A' })).toBe(true);
    expect(Value.Check(form as never, { hoTen: '' })).toBe(false);
  });
});

describe('the demo catalogue', () => {
  it('has at least 20 procedures, each valid by the contract and by every rule', () => {
    expect(demoCatalogue.length).toBeGreaterThanOrEqual(20);
    expect(new Set(demoCatalogue.map((item) => item.code)).size).toBe(demoCatalogue.length);
    for (const item of demoCatalogue) {
      expect([...Value.Errors(CreateProcedure, item)], item.code).toEqual([]);
      expect(checkProcedureContent(contentOf(item)), item.code).toEqual([]);
    }
  });
});
