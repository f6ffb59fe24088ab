import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildEdxml,
  MAX_EDXML_ISSUES,
  parseEdxml,
  type EdxmlIssue,
} from '../src/modules/exchange/edxml/index.ts';
import { congVanEnvelope, readFixture } from './fixtures/edxml/envelopes.ts';

const congVan = readFixture('cong-van-125.xml');

/** The package's errors; fails the test when it was accepted. */
function refused(xml: string | Uint8Array, options?: Parameters<typeof parseEdxml>[1]): EdxmlIssue[] {
  const result = parseEdxml(xml, options);
  if (result.ok) throw new Error('the package was accepted');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

function expectIssue(errors: EdxmlIssue[], path: string, message: RegExp): void {
  expect(errors, JSON.stringify(errors)).toContainEqual({
    path,
    message: expect.stringMatching(message) as string,
  });
}

/** Removes the first element `name` (with its content) from the package. */
const without = (xml: string, name: string): string => {
  const pattern = new RegExp(
    `<edXML:${name}(?: [^>]*)?>(?:(?!<edXML:${name}[ >])[\\s\\S])*?</edXML:${name}>`,
  );
  expect(pattern.test(xml), name).toBe(true);
  return xml.replace(pattern, '');
};

describe('parseEdxml: what it accepts', () => {
  it('reads the Công văn fixture as a string and as bytes, with or without a BOM', () => {
    const expected = { ok: true, envelope: congVanEnvelope() };
    expect(parseEdxml(congVan)).toEqual(expected);
    expect(parseEdxml(Buffer.from(congVan, 'utf8'))).toEqual(expected);
    expect(parseEdxml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(congVan)]))).toEqual(
      expected,
    );
  });

  it('accepts another prefix for the edXML namespace, pretty-printing and base64 wrapped at 76 columns', () => {
    const base64 = congVanEnvelope().attachments[0]!.contentBase64;
    const wrapped = base64.replace(/(.{76})/g, '$1\r\n');
    const xml = congVan
      .replace(/edXML:/g, 'ns1:')
      .replace('xmlns:edXML=', 'xmlns:ns1=')
      .replace(/></g, '>\n  <')
      .replace(base64, wrapped);
    expect(parseEdxml(xml)).toEqual({ ok: true, envelope: congVanEnvelope() });
  });

  it('decodes character references and keeps CDATA literal', () => {
    const xml = congVan.replace(
      /<edXML:Subject>[^<]*</,
      '<edXML:Subject>V/v &#x110;&#7891;ng Th&#225;p &amp;amp; <![CDATA[a &amp; <b>]]><',
    );
    const result = parseEdxml(xml);
    expect(result.ok && result.envelope.messageHeader.subject).toBe('V/v Đồng Tháp &amp;a &amp; <b>');
  });

  it('accepts a bare edXMLEnvelope (no attachments) and ignores elements it does not know', () => {
    const start = congVan.indexOf('<edXML:edXMLEnvelope>');
    const end = congVan.indexOf('</edXML:edXMLEnvelope>') + '</edXML:edXMLEnvelope>'.length;
    const bare = congVan
      .slice(start, end)
      .replace(
        '<edXML:edXMLEnvelope>',
        '<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:xlink="http://www.w3.org/1999/xlink">',
      )
      .replace(/<edXML:Reference [\s\S]*<\/edXML:Reference>/, '')
      .replace(
        '<edXML:SteeringType>',
        '<edXML:ApplicationType>MCDT_DT</edXML:ApplicationType><edXML:SteeringType>',
      );
    const result = parseEdxml(bare);
    expect(result.ok && result.envelope.attachments).toEqual([]);
    expect(result.ok && result.envelope.messageHeader.subject).toBe(congVanEnvelope().messageHeader.subject);
  });
  it('reads a 12 MiB attachment and long texts (set aside before parsing) intact', () => {
    const envelope = congVanEnvelope();
    envelope.attachments[0]!.contentBase64 = randomBytes(12 * 1024 * 1024).toString('base64');
    envelope.messageHeader.content = `${'Nội dung & <chi tiết> '.repeat(4000)}hết`;
    const xml = buildEdxml(envelope);
    expect(parseEdxml(xml)).toEqual({ ok: true, envelope });
    const wrapped = xml.replace(envelope.attachments[0]!.contentBase64, (run) =>
      run.replace(/(.{76})/g, '$1\n'),
    );
    expect(parseEdxml(wrapped)).toEqual({ ok: true, envelope });
    const comment = `<!-- ${'x'.repeat(70000)} > ${'y'.repeat(70000)} -->`;
    const commented = congVan.replace('<edXML:Subject>', `${comment}<edXML:Subject>`);
    expect(parseEdxml(commented)).toEqual({ ok: true, envelope: congVanEnvelope() });
  });
});

describe('parseEdxml: what it refuses, and why', () => {
  it('input that is not XML, or not one document', () => {
    expectIssue(refused('Công văn số 125'), '/', /not well-formed XML/);
    expectIssue(refused(''), '/', /not well-formed XML|exactly one root/);
    expectIssue(refused(congVan.slice(0, 2000)), '/', /not well-formed XML/);
    expectIssue(refused(`${congVan}<edXML/>`), '/', /exactly one root|not well-formed/);
  });

  it('a DOCTYPE, even without entities, and the billion-laughs fixture', () => {
    expectIssue(refused(congVan.replace('?>', '?><!DOCTYPE edXML>')), '/', /DOCTYPE declaration is refused/);
    expectIssue(refused(readFixture('malformed/billion-laughs.xml')), '/', /DOCTYPE declaration is refused/);
  });

  it('an external entity (XXE fixture) and an ENTITY declaration on its own', () => {
    expectIssue(refused(readFixture('malformed/xxe.xml')), '/', /DOCTYPE declaration is refused/);
    expectIssue(refused(congVan.replace('?>', '?><!ENTITY x "y">')), '/', /ENTITY declaration is refused/);
  });

  it('an entity reference that XML does not define (no DTD, so nothing can define it)', () => {
    const errors = refused(congVan.replace('<edXML:Subject>', '<edXML:Subject>&nbsp;'));
    expectIssue(
      errors,
      '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject',
      /"&nbsp;" is not an XML character/,
    );
  });

  it('a package larger than the configured limit, as text and as bytes', () => {
    const limit = Buffer.byteLength(congVan) - 1;
    expectIssue(refused(congVan, { profile: { maxBytes: limit } }), '/', /larger than the limit of/);
    expectIssue(
      refused(Buffer.from(congVan), { profile: { maxBytes: limit } }),
      '/',
      /larger than the limit/,
    );
    expect(parseEdxml(congVan, { profile: { maxBytes: limit + 1 } }).ok).toBe(true);
  });

  it('bytes that are not UTF-8, UTF-16, and a declared encoding other than UTF-8', () => {
    const latin1 = Buffer.from(
      congVan.replace('Đồng Tháp</edXML:Place>', 'Ð\xf4ng Tháp</edXML:Place>'),
      'latin1',
    );
    expectIssue(refused(latin1), '/', /not UTF-8/);
    expectIssue(
      refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(congVan, 'utf16le')])),
      '/',
      /not UTF-8/,
    );
    expectIssue(
      refused(congVan.replace('encoding="UTF-8"', 'encoding="windows-1258"')),
      '/',
      /encoding "windows-1258" is refused/,
    );
  });

  it('nesting deeper than an edXML package needs', () => {
    const deep = congVan.replace('<edXML:Subject>', `<edXML:Subject>${'<x>'.repeat(40)}${'</x>'.repeat(40)}`);
    expectIssue(refused(deep), '/', /not readable as XML/);
  });

  it('a root element or namespace that is not edXML, and an undeclared prefix', () => {
    expectIssue(refused('<Envelope><a/></Envelope>'), 'Envelope', /expected edXML or edXMLEnvelope/);
    const otherNamespace = congVan.replace(/QCVN_102_2016/g, 'QCVN_999');
    expectIssue(refused(otherNamespace), 'edXML', /in http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_999/);
    const undeclared = congVan.replace('xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016" ', '');
    expectIssue(
      refused(undeclared),
      '/edXML/edXMLEnvelope',
      /prefix "edXML" of element edXML:edXMLEnvelope is not declared/,
    );
  });

  it('an element of the right name in another namespace does not count', () => {
    const foreign = congVan.replace(
      /<edXML:Subject>([^<]*)<\/edXML:Subject>/,
      '<x:Subject xmlns:x="urn:other">$1</x:Subject>',
    );
    expectIssue(refused(foreign), 'MessageHeader/Subject', /required element Subject is missing/);
  });

  it('each missing required element, by name', () => {
    const cases: [string, string][] = [
      ['From', 'MessageHeader/From'],
      ['Code', 'MessageHeader/Code'],
      ['CodeNumber', 'MessageHeader/Code/CodeNumber'],
      ['CodeNotation', 'MessageHeader/Code/CodeNotation'],
      ['PromulgationInfo', 'MessageHeader/PromulgationInfo'],
      ['PromulgationDate', 'MessageHeader/PromulgationInfo/PromulgationDate'],
      ['DocumentType', 'MessageHeader/DocumentType'],
      ['Type', 'MessageHeader/DocumentType/Type'],
      ['TypeName', 'MessageHeader/DocumentType/TypeName'],
      ['Subject', 'MessageHeader/Subject'],
      ['FullName', 'MessageHeader/SignerInfo/FullName'],
      ['TraceHeader', 'TraceHeaderList/TraceHeader'],
      ['Timestamp', 'TraceHeaderList/TraceHeader[1]/Timestamp'],
      ['BussinessDocType', 'TraceHeaderList/Bussiness/BussinessDocType'],
      ['ContentTransferEncoded', 'AttachmentEncoded/Attachment[1]/ContentTransferEncoded'],
      ['AttachmentName', 'AttachmentEncoded/Attachment[1]/AttachmentName'],
    ];
    for (const [element, path] of cases) {
      let xml = without(congVan, element);
      if (element === 'AttachmentName') xml = without(xml, 'AttachmentName');
      expectIssue(refused(xml), path, new RegExp(`required element ${element} is missing`));
    }
    expectIssue(refused(without(congVan, 'To')), 'MessageHeader/To', /required element To is missing/);
    expectIssue(
      refused(readFixture('malformed/missing-subject.xml')),
      'MessageHeader/Subject',
      /Subject is missing/,
    );
  });

  it('the MessageHeader, the header or the envelope itself missing', () => {
    expectIssue(
      refused(without(congVan, 'MessageHeader')),
      'edXMLEnvelope/edXMLHeader/MessageHeader',
      /missing/,
    );
    expectIssue(
      refused(without(congVan, 'TraceHeaderList')),
      'edXMLEnvelope/edXMLHeader/TraceHeaderList',
      /missing/,
    );
    expectIssue(
      refused(without(congVan, 'edXMLEnvelope')),
      'edXMLEnvelope',
      /required element edXMLEnvelope is missing/,
    );
  });

  it('required elements present but empty, and the OrganId of a second recipient', () => {
    expectIssue(
      refused(congVan.replace(/<edXML:Subject>[^<]*</, '<edXML:Subject> <')),
      'MessageHeader/Subject',
      /Subject is empty/,
    );
    const secondTo = congVan.replace(
      '</edXML:To>',
      '</edXML:To><edXML:To><edXML:OrganName>Sở Nội vụ</edXML:OrganName></edXML:To>',
    );
    expectIssue(refused(secondTo), 'MessageHeader/To[2]/OrganId', /required element OrganId is missing/);
  });

  it('Business spelled the usual way instead of the standard Bussiness (fixture)', () => {
    const errors = refused(readFixture('malformed/business-misspelt.xml'));
    expectIssue(errors, 'TraceHeaderList/Bussiness', /found Business, but QCVN 102:2016 spells it Bussiness/);
    expectIssue(
      refused(without(congVan, 'Bussiness')),
      'TraceHeaderList/Bussiness',
      /^required element Bussiness is missing$/,
    );
  });

  it('a business document type other than 0–3, and one the profile maps differently', () => {
    const seven = congVan.replace('<edXML:BussinessDocType>0<', '<edXML:BussinessDocType>7<');
    expectIssue(
      refused(seven),
      'TraceHeaderList/Bussiness/BussinessDocType',
      /"7" is not a business document type: 0 \(new\), 1 \(revocation\)/,
    );
    const profile = { bussinessDocTypeCodes: { new: 'N', revocation: 'R', update: 'U', replacement: 'T' } };
    expectIssue(refused(congVan, { profile }), 'TraceHeaderList/Bussiness/BussinessDocType', /"0" is not/);
  });

  it('a replacement that does not say what it replaces', () => {
    const replacement = congVan.replace('<edXML:BussinessDocType>0<', '<edXML:BussinessDocType>3<');
    expectIssue(
      refused(replacement),
      'TraceHeaderList/Bussiness/ReplacementInfoList',
      /must list the documents it replaces/,
    );
  });

  it('dates that are not real dates, or not in the profile format', () => {
    const cases: [string, string, RegExp][] = [
      ['2025/03/14', '2025/02/29', /"2025\/02\/29" is not a valid date in the format yyyy\/MM\/dd/],
      ['2025/03/14', '14/03/2025', /"14\/03\/2025" is not a valid date/],
      ['2025/03/14', '2025-03-14', /is not a valid date/],
      ['2025/03/14', '2025/13/01', /is not a valid date/],
    ];
    for (const [good, bad, message] of cases) {
      const xml = congVan.replace(`<edXML:PromulgationDate>${good}<`, `<edXML:PromulgationDate>${bad}<`);
      expectIssue(refused(xml), 'MessageHeader/PromulgationInfo/PromulgationDate', message);
    }
    const due = congVan.replace('<edXML:DueDate>2025/03/28<', '<edXML:DueDate>2025/04/31<');
    expectIssue(refused(due), 'MessageHeader/DueDate', /"2025\/04\/31" is not a valid date/);
  });

  it('a trace timestamp without the +07:00 offset or not a real time', () => {
    for (const bad of [
      '2025-03-14T15:42:10',
      '2025-03-14T08:42:10Z',
      '2025-03-14T25:42:10+07:00',
      '2025/03/14 15:42:10',
    ]) {
      const xml = congVan.replace('2025-03-14T15:42:10+07:00', bad);
      expectIssue(
        refused(xml),
        'TraceHeaderList/TraceHeader[1]/Timestamp',
        /is not an ISO 8601 time with \+07:00/,
      );
    }
  });

  it('an attachment whose base64 is broken (fixture), truncated or padded wrongly', () => {
    const path = 'AttachmentEncoded/Attachment[1]/ContentTransferEncoded';
    expectIssue(refused(readFixture('malformed/broken-base64.xml')), path, /not valid base64/);
    const base64 = congVanEnvelope().attachments[0]!.contentBase64;
    expectIssue(refused(congVan.replace(base64, base64.slice(0, -1))), path, /not valid base64/);
    expectIssue(refused(congVan.replace(base64, `${base64}==`)), path, /not valid base64/);
  });

  it('a manifest that does not match the attachments, either way', () => {
    const dangling = congVan.replace(
      'xlink:href="cid:cv125-stttt@dongthap.gov.vn"><edXML:ContentId>cid:cv125-stttt@',
      'xlink:href="cid:other@x"><edXML:ContentId>cid:other@',
    );
    const errors = refused(dangling);
    expectIssue(
      errors,
      'edXMLBody/edXMLManifest/Reference[1]',
      /points to cid:other@dongthap.gov.vn, which is not among the attachments/,
    );
    expectIssue(errors, 'AttachmentEncoded/Attachment[1]/ContentId', /is not listed in the manifest/);
    const unlisted = congVan.replace(/<edXML:Reference [\s\S]*<\/edXML:Reference>/, '');
    expectIssue(refused(unlisted), 'AttachmentEncoded/Attachment[1]/ContentId', /not listed in the manifest/);
  });

  it('a Reference found by its xlink:href alone, and one with neither ContentId nor href', () => {
    const hrefOnly = congVan.replace(/<edXML:ContentId>cid:[^<]*<\/edXML:ContentId>/, '');
    expect(parseEdxml(hrefOnly)).toEqual({ ok: true, envelope: congVanEnvelope() });
    const neither = hrefOnly.replace(' xlink:href="cid:cv125-stttt@dongthap.gov.vn"', '');
    expectIssue(
      refused(neither),
      'edXMLBody/edXMLManifest/Reference[1]',
      /neither a ContentId nor an xlink:href/,
    );
  });

  it('two attachments with the same content id', () => {
    const attachment = /<edXML:Attachment>[\s\S]*<\/edXML:Attachment>/.exec(congVan)![0];
    const twice = congVan.replace(attachment, attachment + attachment);
    expectIssue(refused(twice), 'AttachmentEncoded/Attachment[2]/ContentId', /used twice/);
  });

  it('hostile shapes: 200,000 nested tags, 300,000 bad references, 20,000 broken recipients', () => {
    expectIssue(refused(`${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`), '/', /Maximum nested tags/);
    const references = congVan.replace('<edXML:Subject>', `<edXML:Subject>${'&bad;'.repeat(300_000)}`);
    expect(refused(references)).toHaveLength(1);
    const recipients = congVan.replace(
      '</edXML:To>',
      `</edXML:To>${'<edXML:To><edXML:OrganName>x</edXML:OrganName></edXML:To>'.repeat(20_000)}`,
    );
    const errors = refused(recipients);
    expect(errors).toHaveLength(MAX_EDXML_ISSUES);
    expectIssue(errors, 'MessageHeader/To[2]/OrganId', /required element OrganId is missing/);
  });

  it('never throws: every truncation and many one-character changes give a result', () => {
    const text = readFixture('revocation-125.xml');
    let refusals = 0;
    for (let end = 0; end < text.length; end += 7) {
      const result = parseEdxml(text.slice(0, end));
      if (!result.ok) refusals += 1;
    }
    for (let at = 0; at < text.length; at += 5) {
      for (const character of ['<', '&', '"', '>', '\u0000', 'x']) {
        parseEdxml(text.slice(0, at) + character + text.slice(at + 1));
      }
    }
    expect(refusals).toBe(Math.ceil(text.length / 7));
  });
});
