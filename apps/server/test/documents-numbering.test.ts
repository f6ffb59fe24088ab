import { describe, expect, it } from 'vitest';
import {
  buildSymbol,
  formatNumber,
  formatNumberSymbol,
  yearInVietnam,
} from '../src/modules/documents/numbering.ts';

// Pure rules of số and ký hiệu (NĐ 30/2020 Art 15, Phụ lục I §II.3; vn-norms R-DOC-1, R-DOC-2).

const quyetDinh = { abbreviation: 'QĐ', symbolRule: 'type_agency' } as const;
const congVan = { abbreviation: null, symbolRule: 'agency_unit' } as const;
const thuCong = { abbreviation: null, symbolRule: 'none' } as const;

describe('number and symbol', () => {
  it('pads numbers below 10 with a leading 0 and leaves the others alone', () => {
    expect([1, 5, 9, 10, 12, 123, 1000].map(formatNumber)).toEqual([
      '01',
      '05',
      '09',
      '10',
      '12',
      '123',
      '1000',
    ]);
  });

  it('builds {type}-{agency}[-{unit}] and 05/QĐ-UBND as R-DOC-1 tests it', () => {
    const plain = buildSymbol({ type: quyetDinh, agencyAbbreviation: 'UBND' });
    expect(plain).toEqual({ ok: true, symbol: 'QĐ-UBND' });
    expect(formatNumberSymbol(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(buildSymbol({ type: quyetDinh, agencyAbbreviation: 'STP', unitAbbreviation: 'VP' })).toEqual({
      ok: true,
      symbol: 'QĐ-STP-VP',
    });
  });

  it('builds a Công văn as {agency}-{unit} and refuses one without its unit', () => {
    expect(buildSymbol({ type: congVan, agencyAbbreviation: 'UBND', unitAbbreviation: 'VP' })).toEqual({
      ok: true,
      symbol: 'UBND-VP',
    });
    expect(formatNumberSymbol(123, 'UBND-VP')).toBe('123/UBND-VP');
    expect(buildSymbol({ type: congVan, agencyAbbreviation: 'UBND' })).toEqual({
      ok: false,
      field: 'unitAbbreviation',
      reason: 'required',
    });
  });

  it('refuses a type without an abbreviation (Thư công) and an agency without one', () => {
    expect(buildSymbol({ type: thuCong, agencyAbbreviation: 'UBND' })).toMatchObject({
      ok: false,
      field: 'typeCode',
    });
    expect(buildSymbol({ type: quyetDinh, agencyAbbreviation: null })).toMatchObject({
      ok: false,
      field: 'agency',
    });
  });
});

describe('the year of a series, in Vietnam time', () => {
  it('turns at midnight in Hà Nội, which is 17:00 UTC on 31 December', () => {
    expect(yearInVietnam(new Date('2026-12-31T16:59:59.999Z'))).toBe(2026);
    expect(yearInVietnam(new Date('2026-12-31T17:00:00.000Z'))).toBe(2027);
    expect(yearInVietnam(new Date('2027-01-01T00:00:00+07:00'))).toBe(2027);
    expect(yearInVietnam(new Date('2026-01-01T06:59:59+07:00'))).toBe(2026);
    expect(yearInVietnam(new Date('2025-12-31T23:59:59+07:00'))).toBe(2025);
  });
});
