import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentDisposition, sanitiseFileName } from './file-name.ts';

describe('sanitiseFileName', () => {
  it('drops the path a client sent, on either kind of separator', () => {
    expect(sanitiseFileName('C:\\Users\\mai\\Desktop\\don.pdf')).toBe('don.pdf');
    expect(sanitiseFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
  });

  it('removes control and direction-override characters, so a name reads as what it is', () => {
    expect(sanitiseFileName('hoadon\u202Efdp.exe')).toBe('hoadonfdp.exe');
    expect(sanitiseFileName('a\u0000b\r\nc\u2066.pdf')).toBe('abc.pdf');
  });

  it('keeps Vietnamese letters, composed (NFC), and leading dots and blanks out', () => {
    const decomposed = 'Giấy khai sinh.pdf'.normalize('NFD');
    expect(sanitiseFileName(decomposed)).toBe('Giấy khai sinh.pdf'.normalize('NFC'));
    expect(sanitiseFileName('  ..hidden.pdf ')).toBe('hidden.pdf');
    expect(sanitiseFileName('///')).toBe('tep');
  });

  it('shortens a long name to 200 characters, keeping its extension', () => {
    const name = sanitiseFileName(`${'ả'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('ả.docx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII name for old clients and the exact one in RFC 5987 form', () => {
    const name = "Đơn đề nghị (bản 1) – O'Brien*.pdf";
    const value = attachmentDisposition(name);
    expect(value).toBe(
      `attachment; filename="Don de nghi (ban 1) _ O_Brien_.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%201%29%20%E2%80%93%20O%27Brien%2A.pdf`,
    );
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toBe(name);
  });

  it('never lets a quote or a backslash into the quoted name', () => {
    expect(asciiFileName('a"b\\c.pdf')).toBe('a_b_c.pdf');
  });
});
