import { Value } from 'typebox/value';
import { CreateProcedure } from '@tinhso/contracts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { schemaIssues } from './form-data.ts';

/**
 * The CSV form of an import: one procedure per row, a header row naming the columns. Flat fields
 * are plain cells; lists are cells separated by `;`; the nested parts (components, form, fees,
 * steps) are JSON in their cell. Rows are numbered from 0 in issues, as in a JSON import.
 */
export const CSV_COLUMNS = {
  text: [
    'code',
    'effectiveFrom',
    'name',
    'sectorCode',
    'sectorName',
    'competentAgencyKind',
    'competentAgencyCode',
    'resultTemplate',
    'onlineLevel',
    'motPhanJustification',
    'cutOffTime',
    'note',
  ],
  list: ['levels', 'receivingAgencyKinds', 'legalBasis'],
  json: ['components', 'form', 'fees', 'steps'],
  deadline: ['deadlineValue', 'deadlineUnit'],
} as const;

/** RFC 4180 records: quoted cells may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted && char === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) cell += char;
    else if (char === ',') endCell();
    else if (char === '\n') endRow();
    else if (char !== '\r') cell += char;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

function itemOf(cells: Record<string, string>, index: number, issues: FieldIssue[]): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const column of CSV_COLUMNS.text) if (cells[column]) item[column] = cells[column];
  for (const column of CSV_COLUMNS.list)
    item[column] = (cells[column] ?? '')
      .split(';')
      .map((value) => value.trim())
      .filter(Boolean);
  for (const column of CSV_COLUMNS.json) {
    try {
      item[column] = JSON.parse(cells[column] ?? '');
    } catch {
      issues.push({ field: `${index}.${column}`, key: 'invalid_json' });
    }
  }
  item.deadline = { value: Number(cells.deadlineValue), unit: cells.deadlineUnit };
  return item;
}

/** The procedures of a CSV file, each checked against the import contract; all issues at once. */
export function proceduresFromCsv(text: string): CreateProcedure[] {
  const [header, ...rows] = parseCsv(text);
  const issues: FieldIssue[] = [];
  const required = [...Object.values(CSV_COLUMNS)].flat();
  const missing = required.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0)
    throw new AppError('validation', {
      issues: missing.map((column) => ({ field: `header.${column}`, key: 'required' })),
    });
  if (rows.length === 0)
    throw new AppError('validation', { issues: [{ field: 'body', key: 'minItems', params: { limit: 1 } }] });
  const items = rows.map((cells, index) => {
    const item = itemOf(
      Object.fromEntries(header.map((name, column) => [name, cells[column] ?? ''])),
      index,
      issues,
    );
    const withDefaults = Value.Default(CreateProcedure, item) as Record<string, unknown>;
    issues.push(...schemaIssues(CreateProcedure, withDefaults, String(index)));
    return withDefaults as CreateProcedure;
  });
  if (issues.length > 0) {
    // The first issue of a field is the telling one (bad JSON rather than the missing value it leaves).
    const byField = new Map<string, FieldIssue>();
    for (const issue of issues) if (!byField.has(issue.field)) byField.set(issue.field, issue);
    throw new AppError('validation', { issues: [...byField.values()] });
  }
  return items;
}

const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The CSV form of procedures, readable by proceduresFromCsv (a catalogue export, and a test of the format). */
export function proceduresToCsv(items: CreateProcedure[]): string {
  const header = [...Object.values(CSV_COLUMNS)].flat();
  const cellsOf = (item: CreateProcedure): string[] => {
    const record = item as unknown as Record<string, unknown>;
    return header.map((column) => {
      if (column === 'deadlineValue') return String(item.deadline.value);
      if (column === 'deadlineUnit') return item.deadline.unit;
      if ((CSV_COLUMNS.list as readonly string[]).includes(column))
        return (record[column] as string[]).join(';');
      if ((CSV_COLUMNS.json as readonly string[]).includes(column)) return JSON.stringify(record[column]);
      const value = record[column];
      return typeof value === 'string' ? value : '';
    });
  };
  return [header, ...items.map(cellsOf)].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}
