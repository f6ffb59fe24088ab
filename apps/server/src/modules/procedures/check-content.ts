import { ProcedureContentFields, type ProcedureContent } from '@tinhso/contracts';
import { AppError } from '../../platform/errors.ts';
import { checkProcedureContent } from './rules.ts';

const CONTENT_KEYS = Object.keys(ProcedureContentFields) as (keyof ProcedureContent)[];

/** Refuses content that breaks a rule, naming every failing field at once. */
export function assertValidContent(content: ProcedureContent): void {
  const issues = checkProcedureContent(content);
  if (issues.length > 0) throw new AppError('validation', { issues });
}

/** The content of a submitted or stored version (nothing else), with the defaults filled in. */
export function contentOf(input: ProcedureContent): ProcedureContent {
  const picked = Object.fromEntries(
    CONTENT_KEYS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
  ) as ProcedureContent;
  return {
    ...picked,
    cutOffTime: input.cutOffTime ?? '15:00',
    motPhanJustification: input.motPhanJustification ?? null,
    note: input.note ?? null,
    competentAgencyCode: input.competentAgencyCode ?? null,
  };
}
