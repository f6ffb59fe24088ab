import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { parseCsv, proceduresFromCsv, proceduresToCsv } from './csv.ts';
import { demoCatalogue } from './demo/catalogue.ts';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.issues.map((issue) => `${issue.field}:${issue.key}`);
    throw error;
  }
  return [];
};

describe('CSV import format', () => {
  it('parses quoted cells holding commas, quotes and newlines, with a BOM and CRLF', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line 1\nline 2"\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line 1\nline 2'],
    ]);
  });

  it('reads back exactly what it writes, for the whole demo catalogue', () => {
    expect(proceduresFromCsv(proceduresToCsv(demoCatalogue))).toEqual(demoCatalogue);
  });

  it('names missing columns, bad JSON cells and contract failures by row and field', () => {
    expect(issuesOf(() => proceduresFromCsv('code,name\n1.001193,X\n'))).toContain('header.form:required');
    const [header, first] = proceduresToCsv(demoCatalogue.slice(0, 1)).split('\r\n');
    const broken = first!.replace('1.001193', 'not-a-code').replace(/,working_day$/, ',fortnight');
    const issues = issuesOf(() => proceduresFromCsv(`${header}\n${first}\n${broken}\n`));
    expect(issues).toEqual(expect.arrayContaining(['1.code:pattern', '1.deadline.unit:enum']));
    expect(issues.some((issue) => issue.startsWith('0.'))).toBe(false);
    const badJson = first!.replace('"{""type"":""object""', '"{""type"":object""');
    expect(issuesOf(() => proceduresFromCsv(`${header}\n${badJson}\n`))).toContain('0.form:invalid_json');
  });
});
