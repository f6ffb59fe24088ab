import { describe, expect, it } from 'vitest';
import {
  buildEdxmlStatus,
  EDXML_STATUS_CODES,
  EdxmlInvalidError,
  findStatusCode,
  parseEdxmlStatus,
  toVietnamTimestamp,
  type EdxmlIssue,
  type EdxmlStatus,
} from '../src/modules/exchange/edxml/index.ts';
import { readFixture, STATUS_FIXTURE_CODES, statusMessage } from './fixtures/edxml/envelopes.ts';

function refused(xml: string): EdxmlIssue[] {
  const result = parseEdxmlStatus(xml);
  if (result.ok) throw new Error('the status message was accepted');
  return result.errors;
}

function expectIssue(errors: EdxmlIssue[], path: string, message: RegExp): void {
  expect(errors, JSON.stringify(errors)).toContainEqual({
    path,
    message: expect.stringMatching(message) as string,
  });
}

function buildErrors(status: EdxmlStatus): EdxmlIssue[] {
  try {
    buildEdxmlStatus(status);
  } catch (error) {
    if (error instanceof EdxmlInvalidError) return error.errors;
    throw error;
  }
  throw new Error('buildEdxmlStatus accepted an invalid status');
}

const sample = readFixture('status-03.xml');

describe('status codes', () => {
  it('are the nine codes of vn-norms §2.3, with their meanings, as data', () => {
    expect(EDXML_STATUS_CODES.map((entry) => [entry.code, entry.labelVi])).toEqual([
      ['01', 'Đã đến'],
      ['02', 'Từ chối / trả lại'],
      ['03', 'Đã tiếp nhận'],
      ['04', 'Phân công'],
      ['05', 'Đang xử lý'],
      ['06', 'Hoàn thành'],
      ['13', 'Yêu cầu lấy lại'],
      ['15', 'Đồng ý lấy lại'],
      ['16', 'Từ chối lấy lại'],
    ]);
    expect(STATUS_FIXTURE_CODES).toEqual(EDXML_STATUS_CODES.map((entry) => entry.code));
    expect(findStatusCode('07')).toBeUndefined();
    expect(findStatusCode('02')?.needsDescription).toBe(true);
  });

  it('toVietnamTimestamp writes the instant in UTC+7 with its offset', () => {
    expect(toVietnamTimestamp(new Date('2026-11-27T17:30:05.123Z'))).toBe('2026-11-28T00:30:05+07:00');
  });
});

describe('status messages', () => {
  it('build the committed fixture of every code, and parse back to the same status', () => {
    for (const code of STATUS_FIXTURE_CODES) {
      const status = statusMessage(code);
      const xml = buildEdxmlStatus(status);
      expect(xml, code).toBe(readFixture(`status-${code}.xml`));
      expect(parseEdxmlStatus(xml), code).toEqual({ ok: true, status });
    }
  });

  it('carry the document, the organisation, the staff, the code, the time with +07:00 and the description', () => {
    expect(sample).toContain('<edXML:Status xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">');
    for (const part of [
      '<edXML:DocumentId>000.00.13.H20,2025/03/14,125/STTTT-BCVT</edXML:DocumentId>',
      '<edXML:From><edXML:OrganId>000.00.00.H20</edXML:OrganId>',
      '<edXML:StatusCode>03</edXML:StatusCode>',
      '<edXML:Timestamp>2025-03-14T16:12:00+07:00</edXML:Timestamp>',
      '<edXML:Staff>Lê Văn Hùng</edXML:Staff>',
      '<edXML:Description>Văn thư đã vào sổ văn bản đến số 1024</edXML:Description>',
    ]) {
      expect(sample).toContain(part);
    }
  });

  it('an arrival (01) needs no description or staff; a code from a configured table is accepted', () => {
    const arrival: EdxmlStatus = { ...statusMessage('01'), description: undefined, staffInfo: undefined };
    expect(parseEdxmlStatus(buildEdxmlStatus(arrival))).toEqual({
      ok: true,
      status: { ...statusMessage('01'), description: undefined, staffInfo: undefined },
    });
    const profile = {
      statusCodes: [
        ...EDXML_STATUS_CODES,
        { code: '20', labelVi: 'Thử', labelEn: 'test', needsDescription: false },
      ],
    };
    const custom = buildEdxmlStatus({ ...statusMessage('01'), statusCode: '20' }, { profile });
    expect(parseEdxmlStatus(custom, { profile }).ok).toBe(true);
    expectIssue(refused(custom), 'Status/StatusCode', /"20" is not a status code/);
  });

  it('refuse an unknown code, a refusal without a reason, a time without +07:00', () => {
    expectIssue(
      refused(sample.replace('>03<', '>07<')),
      'Status/StatusCode',
      /"07" is not a status code \(01, 02, 03, 04, 05, 06, 13, 15, 16\)/,
    );
    expectIssue(refused(sample.replace('>03<', '>3<')), 'Status/StatusCode', /"3" is not a status code/);
    for (const code of ['02', '16']) {
      const xml = readFixture(`status-${code}.xml`).replace(
        /<edXML:Description>[^<]*<\/edXML:Description>/,
        '',
      );
      expectIssue(refused(xml), 'Status/Description', new RegExp(`status ${code} .* must give a reason`));
    }
    for (const bad of [
      '2025-03-14T16:12:00',
      '2025-03-14T09:12:00Z',
      '2025-03-14T16:12:00+08:00',
      '2025-02-30T16:12:00+07:00',
    ]) {
      expectIssue(
        refused(sample.replace('2025-03-14T16:12:00+07:00', bad)),
        'Status/Timestamp',
        /is not an ISO 8601 time with \+07:00/,
      );
    }
  });

  it('refuse missing elements, naming them', () => {
    const cases: [RegExp, string][] = [
      [/<edXML:ResponseFor>.*<\/edXML:ResponseFor>/, 'Status/ResponseFor'],
      [/<edXML:DocumentId>[^<]*<\/edXML:DocumentId>/, 'Status/ResponseFor/DocumentId'],
      [/<edXML:From>.*<\/edXML:From>/, 'Status/From'],
      [/<edXML:StatusCode>[^<]*<\/edXML:StatusCode>/, 'Status/StatusCode'],
      [/<edXML:Timestamp>[^<]*<\/edXML:Timestamp>/, 'Status/Timestamp'],
      [/<edXML:OrganName>[^<]*<\/edXML:OrganName>/, 'Status/From/OrganName'],
    ];
    for (const [element, path] of cases) {
      expect(element.test(sample), path).toBe(true);
      expectIssue(refused(sample.replace(element, '')), path, /required element \w+ is missing/);
    }
  });

  it('refuse a bad date in ResponseFor, a wrong root, a DOCTYPE and what is not XML', () => {
    expectIssue(
      refused(sample.replace('>2025/03/14<', '>2025/02/30<')),
      'Status/ResponseFor/PromulgationDate',
      /not a valid date/,
    );
    expectIssue(refused(readFixture('cong-van-125.xml')), 'edXML', /expected Status/);
    expectIssue(
      refused(sample.replace('?>', '?><!DOCTYPE x [<!ENTITY a "b">]>')),
      '/',
      /DOCTYPE declaration is refused/,
    );
    expectIssue(refused('status 03'), '/', /not well-formed XML/);
  });

  it('the builder refuses what the parser would refuse', () => {
    expect(buildErrors({ ...statusMessage('02'), description: ' ' }).map((issue) => issue.path)).toEqual([
      'Status/Description',
    ]);
    expect(buildErrors({ ...statusMessage('05'), statusCode: '99' }).map((issue) => issue.path)).toEqual([
      'Status/StatusCode',
    ]);
    expect(
      buildErrors({ ...statusMessage('05'), timestamp: '2025-03-14 16:00' }).map((issue) => issue.path),
    ).toEqual(['Status/Timestamp']);
    const noDocument = statusMessage('05');
    noDocument.responseFor.documentId = '';
    expect(buildErrors(noDocument).map((issue) => issue.path)).toEqual(['Status/ResponseFor/DocumentId']);
  });
});
