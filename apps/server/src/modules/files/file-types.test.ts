import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { checkFileType, extensionOf, sniffMediaType } from './file-types.ts';

const PDF = Buffer.from('%PDF-1.4\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zip = (entry: string) =>
  Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from(entry)]);

function refusal(input: Parameters<typeof checkFileType>[0]) {
  try {
    checkFileType(input);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, issue: error.issues[0] };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sniffMediaType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffMediaType(PDF, 'pdf')).toBe('application/pdf');
    expect(sniffMediaType(JPEG, 'jpg')).toBe('image/jpeg');
    expect(sniffMediaType(PNG, 'png')).toBe('image/png');
  });

  it('tells DOCX from XLSX by the ZIP entries the extension promises, and no other ZIP', () => {
    expect(sniffMediaType(zip('word/document.xml'), 'docx')).toMatch(/wordprocessingml/);
    expect(sniffMediaType(zip('xl/workbook.xml'), 'xlsx')).toMatch(/spreadsheetml/);
    expect(sniffMediaType(zip('xl/workbook.xml'), 'docx')).toBeNull();
    expect(sniffMediaType(zip('payload.exe'), 'zip')).toBeNull();
  });

  it('knows nothing else: an executable, HTML, a PDF header not at the start, nothing at all', () => {
    expect(sniffMediaType(Buffer.from('MZ\x90\0'), 'exe')).toBeNull();
    expect(sniffMediaType(Buffer.from('<html><script>'), 'pdf')).toBeNull();
    expect(sniffMediaType(Buffer.from(' %PDF-1.4'), 'pdf')).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0), 'pdf')).toBeNull();
  });
});

describe('checkFileType', () => {
  it('takes the sniffed type when the extension and the declared type agree or say nothing', () => {
    expect(checkFileType({ bytes: PDF, fileName: 'a.PDF', declaredType: 'application/pdf' })).toBe(
      'application/pdf',
    );
    expect(checkFileType({ bytes: JPEG, fileName: 'a.jpeg', declaredType: 'image/jpg' })).toBe('image/jpeg');
    expect(checkFileType({ bytes: PNG, fileName: 'a.png', declaredType: 'application/octet-stream' })).toBe(
      'image/png',
    );
    expect(checkFileType({ bytes: PNG, fileName: 'a.png', declaredType: '' })).toBe('image/png');
  });

  it('refuses unknown content with the allowed types, and a mismatch with what the content is', () => {
    expect(refusal({ bytes: Buffer.from('MZ'), fileName: 'a.exe', declaredType: '' })).toEqual({
      code: 'unsupported_type',
      issue: { field: 'file', key: 'file.type', params: { allowed: 'PDF, JPEG, PNG, DOCX, XLSX' } },
    });
    expect(refusal({ bytes: PNG, fileName: 'a.pdf', declaredType: 'application/pdf' }).issue).toMatchObject({
      key: 'file.typeMismatch',
      params: { found: 'PNG', declared: '.pdf, application/pdf' },
    });
    expect(refusal({ bytes: PDF, fileName: 'a.pdf', declaredType: 'image/png' }).code).toBe(
      'unsupported_type',
    );
    expect(refusal({ bytes: PDF, fileName: 'a', declaredType: 'application/pdf' }).code).toBe(
      'unsupported_type',
    );
  });

  it('reads extensions case-blind and only after the last dot', () => {
    expect(extensionOf('Scan.2026.JPG')).toBe('jpg');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});
