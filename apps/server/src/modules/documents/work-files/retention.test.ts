import { describe, expect, it } from 'vitest';
import { archiveDueOn, fileCode, longestRetention } from './retention.ts';
import { chronological, splitNumberSymbol } from './archive-package.ts';

describe('retention and hand-over', () => {
  it('keeps the longest retention, permanent above any number of years', () => {
    expect(longestRetention([])).toBeNull();
    expect(longestRetention([5, 20, 10])).toBe(20);
    expect(longestRetention([5, 'permanent', 70])).toBe('permanent');
  });

  it('falls due a year after the work ends, three months for construction files (Art 30)', () => {
    expect(archiveDueOn('2026-03-15', 'general')).toBe('2027-03-15');
    expect(archiveDueOn('2028-02-29', 'general')).toBe('2029-02-28');
    expect(archiveDueOn('2026-11-30', 'construction')).toBe('2027-02-28');
    expect(archiveDueOn('2026-10-31', 'construction')).toBe('2027-01-31');
  });

  it('writes FileCode as OrganId.FileCatalog.FileNotation and splits số/ký hiệu', () => {
    expect(fileCode('000.00.12.H55', 2026, '01.TCHC')).toBe('000.00.12.H55.2026.01.TCHC');
    expect(splitNumberSymbol('05/QĐ-UBND')).toEqual({ codeNumber: '05', codeNotation: 'QĐ-UBND' });
    expect(splitNumberSymbol('UBND-VP')).toEqual({ codeNumber: '', codeNotation: 'UBND-VP' });
  });

  it('orders documents by date, then by their place in the file', () => {
    const doc = (docOrdinal: number, issuedOn: string | null) => ({ docOrdinal, issuedOn }) as never;
    expect(
      chronological([doc(1, '2026-02-01'), doc(2, '2026-01-01'), doc(3, null), doc(4, '2026-01-01')]).map(
        (d: { docOrdinal: number }) => d.docOrdinal,
      ),
    ).toEqual([2, 4, 1, 3]);
  });
});
