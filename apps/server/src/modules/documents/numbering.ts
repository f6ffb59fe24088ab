/**
 * The pure rules of numbers and symbols (NĐ 30/2020 Art 15, Phụ lục I §II.3; vn-norms R-DOC-1, R-DOC-2).
 * No database here: the series itself is in series.ts.
 */
import type { DocumentType } from '@tinhso/contracts';

/** Numbers below 10 take a leading 0: 05, 10, 123. */
export const formatNumber = (number: number): string => String(number).padStart(2, '0');

/** The calendar year of an instant in Vietnam (UTC+7, no daylight saving): the year of its series. */
export function yearInVietnam(instant: Date): number {
  return new Date(instant.getTime() + 7 * 3_600_000).getUTCFullYear();
}

export type SymbolOutcome =
  | { ok: true; symbol: string }
  | { ok: false; field: 'typeCode' | 'unitAbbreviation' | 'agency'; reason: string };

/**
 * The ký hiệu of a document: `{type}-{agency}[-{unit}]`, or `{agency}-{unit}` for Công văn. Groups
 * joined by hyphens, no spaces. Refuses what it cannot build, naming the input at fault.
 */
export function buildSymbol(options: {
  type: Pick<DocumentType, 'abbreviation' | 'symbolRule'>;
  agencyAbbreviation: string | null;
  unitAbbreviation?: string | undefined;
}): SymbolOutcome {
  const { type, agencyAbbreviation, unitAbbreviation } = options;
  if (!agencyAbbreviation) return { ok: false, field: 'agency', reason: 'no_abbreviation' };
  const unit = unitAbbreviation ? [unitAbbreviation] : [];
  switch (type.symbolRule) {
    case 'agency_unit':
      if (!unitAbbreviation) return { ok: false, field: 'unitAbbreviation', reason: 'required' };
      return { ok: true, symbol: [agencyAbbreviation, unitAbbreviation].join('-') };
    case 'type_agency':
      if (!type.abbreviation) return { ok: false, field: 'typeCode', reason: 'no_abbreviation' };
      return { ok: true, symbol: [type.abbreviation, agencyAbbreviation, ...unit].join('-') };
    case 'none':
      return { ok: false, field: 'typeCode', reason: 'no_abbreviation' };
  }
}

/** What follows "Số:" on the document: `05/QĐ-UBND`, `123/UBND-VP`. */
export const formatNumberSymbol = (number: number, symbol: string): string =>
  `${formatNumber(number)}/${symbol}`;
