import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  buildEdxml,
  EdxmlInvalidError,
  parseEdxml,
  type EdxmlEnvelope,
} from '../src/modules/exchange/edxml/index.ts';
import { readXmlDocument } from '../src/modules/exchange/edxml/xml-document.ts';
import { congVanEnvelope, readFixture, revocationEnvelope } from './fixtures/edxml/envelopes.ts';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

function buildErrors(envelope: EdxmlEnvelope): { path: string; message: string }[] {
  try {
    buildEdxml(envelope);
  } catch (error) {
    if (error instanceof EdxmlInvalidError) return error.errors;
    throw error;
  }
  throw new Error('buildEdxml accepted an invalid envelope');
}

describe('buildEdxml', () => {
  it('makes the committed Công văn package byte for byte, and the same bytes every time', () => {
    const first = buildEdxml(congVanEnvelope());
    expect(first).toBe(readFixture('cong-van-125.xml'));
    expect(buildEdxml(congVanEnvelope())).toBe(first);
    expect(buildEdxml(revocationEnvelope())).toBe(readFixture('revocation-125.xml'));
  });

  it('round-trips: build → parse gives back the envelope (new and revocation)', () => {
    for (const envelope of [congVanEnvelope(), revocationEnvelope()]) {
      const parsed = parseEdxml(buildEdxml(envelope));
      expect(parsed).toEqual({ ok: true, envelope });
    }
  });

  it('round-trips update and replacement messages with their ReplacementInfoList', () => {
    for (const bussinessDocType of ['update', 'replacement'] as const) {
      const envelope = congVanEnvelope();
      envelope.traceHeaderList.bussiness = {
        bussinessDocType,
        bussinessDocReason: 'Thay thế văn bản số 120/STTTT-BCVT',
        replacementInfoList: [
          {
            documentId: '000.00.13.H20,2025/03/10,120/STTTT-BCVT',
            organIds: ['000.00.00.H20', '000.00.04.H20'],
          },
        ],
      };
      const xml = buildEdxml(envelope);
      expect(xml).toContain(
        `<edXML:BussinessDocType>${bussinessDocType === 'update' ? 2 : 3}</edXML:BussinessDocType>`,
      );
      expect(xml).toContain(
        '<edXML:OrganIdList><edXML:OrganId>000.00.00.H20</edXML:OrganId><edXML:OrganId>000.00.04.H20</edXML:OrganId></edXML:OrganIdList>',
      );
      expect(parseEdxml(xml)).toEqual({ ok: true, envelope });
    }
  });

  it('writes the element tree of QCVN 102:2016 with the namespace, the Bussiness spelling and cid references', () => {
    const xml = buildEdxml(congVanEnvelope());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"',
      ),
    ).toBe(true);
    const document = readXmlDocument(xml, { maxBytes: 1e6 });
    if (!document.ok) throw new Error(JSON.stringify(document.errors));
    const [envelope, encoded] = document.root.children;
    expect([envelope?.localName, envelope?.namespace]).toEqual(['edXMLEnvelope', NS]);
    expect([encoded?.localName, encoded?.namespace]).toEqual(['AttachmentEncoded', NS]);
    expect(envelope?.children.map((child) => child.localName)).toEqual(['edXMLHeader', 'edXMLBody']);
    expect(envelope?.children[0]?.children.map((child) => child.localName)).toEqual([
      'MessageHeader',
      'TraceHeaderList',
    ]);
    expect(envelope?.children[0]?.children[0]?.children.map((child) => child.localName)).toEqual([
      'From',
      'To',
      'Code',
      'PromulgationInfo',
      'DocumentType',
      'Subject',
      'Content',
      'SignerInfo',
      'DueDate',
      'ToPlaces',
      'OtherInfo',
      'SteeringType',
      'DocumentId',
    ]);
    expect(xml).toContain('<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).not.toContain('Business');
    expect(xml).toContain(
      '<edXML:edXMLManifest version="1.0"><edXML:Reference xlink:href="cid:cv125-stttt@dongthap.gov.vn">',
    );
    expect(xml).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
    expect(xml).toContain('<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>');
  });

  it('escapes markup in text, so a subject with & < > " stays text', () => {
    const xml = buildEdxml(congVanEnvelope());
    expect(xml).toContain('&quot;đúng tiến độ&quot; &amp; &lt;đủ hồ sơ&gt;.');
    const parsed = parseEdxml(xml);
    expect(parsed.ok && parsed.envelope.messageHeader.content).toContain('"đúng tiến độ" & <đủ hồ sơ>.');
  });

  it('carries the PDF intact: the attachment decodes to a one-page PDF that poppler reads', async () => {
    const parsed = parseEdxml(readFixture('cong-van-125.xml'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const bytes = Buffer.from(parsed.envelope.attachments[0]?.contentBase64 ?? '', 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8');
    expect(text).toContain('125/STTTT-BCVT');
  });

  it('writes dates in the profile format (dd/MM/yyyy) and reads them back with the same profile', () => {
    const profile = { dateFormat: 'dd/MM/yyyy' as const };
    const xml = buildEdxml(congVanEnvelope(), { profile });
    expect(xml).toContain('<edXML:PromulgationDate>14/03/2025</edXML:PromulgationDate>');
    expect(parseEdxml(xml, { profile })).toEqual({ ok: true, envelope: congVanEnvelope() });
    const withDefault = parseEdxml(xml);
    expect(withDefault.ok).toBe(false);
  });

  it('refuses content it would refuse to receive, naming the element', () => {
    const cases: [string, (envelope: EdxmlEnvelope) => void][] = [
      ['MessageHeader/Subject', (e) => (e.messageHeader.subject = '  ')],
      ['MessageHeader/To', (e) => (e.messageHeader.to = [])],
      ['MessageHeader/From/OrganId', (e) => (e.messageHeader.from.organId = '')],
      [
        'MessageHeader/PromulgationInfo/PromulgationDate',
        (e) => (e.messageHeader.promulgationInfo.promulgationDate = '2025-02-29'),
      ],
      ['MessageHeader/DueDate', (e) => (e.messageHeader.dueDate = '28/03/2025')],
      [
        'TraceHeaderList/TraceHeader[1]/Timestamp',
        (e) => (e.traceHeaderList.traceHeaders[0]!.timestamp = '2025-03-14T08:42:10Z'),
      ],
      [
        'TraceHeaderList/Bussiness/BussinessDocType',
        (e) => (e.traceHeaderList.bussiness.bussinessDocType = 'cancel' as 'new'),
      ],
      [
        'TraceHeaderList/Bussiness/ReplacementInfoList',
        (e) => (e.traceHeaderList.bussiness.bussinessDocType = 'replacement'),
      ],
      [
        'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
        (e) => (e.attachments[0]!.contentBase64 = 'JVBERi0x*'),
      ],
      ['AttachmentEncoded/Attachment[2]/ContentId', (e) => e.attachments.push({ ...e.attachments[0]! })],
      ['messageHeader.subject', (e) => (e.messageHeader.subject = 'Trích yếu\u0007')],
      [
        'TraceHeaderList/Bussiness/BussinessDocumentInfo/1x',
        (e) => (e.traceHeaderList.bussiness.bussinessDocumentInfo = { '1x': '0' }),
      ],
    ];
    for (const [path, spoil] of cases) {
      const envelope = congVanEnvelope();
      spoil(envelope);
      expect(
        buildErrors(envelope).map((issue) => issue.path),
        path,
      ).toContain(path);
    }
  });
});
