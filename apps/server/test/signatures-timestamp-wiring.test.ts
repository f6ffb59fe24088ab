import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import * as pkijs from 'pkijs';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import { readTrustSettings } from '../src/modules/signatures/repository.ts';
import { sealIssuedPdf } from '../src/modules/signatures/seal-issued-pdf.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import { requestTimestamp } from '../src/modules/signatures/tsa-client.ts';
import type { ErrorBody } from './documents-fixtures.ts';
import {
  decisionBody,
  officialOf,
  pdfOf,
  signInOutgoingCast,
  submitAndApprove,
  type OutgoingCast,
} from './documents-outgoing-fixtures.ts';
import { freePort, signInDemo, startTestApp, type TestApp } from './harness.ts';
import { pdfsig, samplePdf } from './signatures-tools.ts';

// The timestamps wired into TinhSo's own signings (ADR 0024): with SIMULATORS=true and no TSA_URL
// the server stamps its signatures at its own /simulators/tsa with the demo TSA key, so the
// official's signature, the clerk's seal and the seal on one-stop PDFs are B-T and judged at the
// timestamp; a configured TSA that does not answer fails the signing with 503 naming `timestamp`.

let t: TestApp;
let cast: OutgoingCast;
const base = '/api/documents/outgoing/drafts';

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoSigning(t.database.db, { secret: undefined });
  cast = await signInOutgoingCast(t);
}, 120_000);
afterAll(async () => t?.close());

async function approvedDraft(): Promise<OutgoingDraft> {
  const { chuyenvien, giamdoc, signerId, recipientAgencyId } = cast;
  return submitAndApprove(
    { drafter: chuyenvien, signer: giamdoc },
    decisionBody({ signerId, recipientAgencyId }),
  );
}

describe('timestamps on TinhSo’s signatures', () => {
  it('the simulated TSA answers RFC 3161 requests on this server with the demo TSA key', async () => {
    const token = await requestTimestamp(`${t.baseUrl}/simulators/tsa`, new Uint8Array([1, 2, 3]));
    const signedData = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(token).content,
    });
    const tsa = signedData.certificates?.find((c) => c instanceof pkijs.Certificate);
    expect(tsa?.subject.typesAndValues.map((tv) => String(tv.value.valueBlock.value))).toContain(
      'TinhSo Demo Timestamp Authority',
    );
  });

  it('the official’s signature and the clerk’s seal are timestamped by the demo TSA and judged at the timestamp; pdfsig accepts both', async () => {
    const draft = await approvedDraft();
    const before = Date.now();
    const signed = await cast.giamdoc.post<ErrorBody>(`${base}/${draft.id}/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const personal = await pdfOf(cast.giamdoc, `${base}/${draft.id}/versions/2/pdf`);
    expect(await verifyPdf(personal.bytes, await readTrustSettings(t.database.db, new Date()))).toMatchObject(
      [{ valid: true, timestamp: { trusted: true }, validityTimeSource: 'timestamp' }],
    );

    const issued = await cast.vanthu.post<ErrorBody>(`${base}/${draft.id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const pdf = await pdfOf(cast.vanthu, `${base}/${draft.id}/versions/3/pdf`);
    const reports = await verifyPdf(pdf.bytes, await readTrustSettings(t.database.db, new Date()));
    expect(reports.map((report) => [report.reason, report.valid, report.timestamp?.trusted])).toEqual([
      ['Phê duyệt, ký ban hành', true, true],
      ['Phát hành', true, true],
    ]);
    for (const report of reports) {
      expect(report.validityTimeSource).toBe('timestamp');
      expect(new Date(report.validityTime).getTime()).toBeGreaterThanOrEqual(
        Math.floor(before / 1000) * 1000,
      );
    }
    const blocks = pdfsig(pdf.bytes)
      .output.split(/Signature #\d+:/)
      .slice(1);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
    }
  });

  it('the seal on a one-stop PDF is timestamped too', async () => {
    const { agencyId } = await officialOf(t, 'vanthu');
    const { pdf, sealed } = await sealIssuedPdf(t.database.db, {
      pdf: await samplePdf(),
      agencyId,
      label: 'Giấy tiếp nhận hồ sơ',
      reason: 'Tiếp nhận hồ sơ',
    });
    expect(sealed).toBe(true);
    const [report] = await verifyPdf(pdf, await readTrustSettings(t.database.db, new Date()));
    expect(report).toMatchObject({
      valid: true,
      timestamp: { trusted: true },
      validityTimeSource: 'timestamp',
    });
  });

  // Last: the server built here configures the process-wide timestamp authority to a TSA that is down.
  it('a configured TSA that does not answer fails the signing and the seal with 503 naming timestamp; nothing is signed, no number taken', async () => {
    const draft = await approvedDraft();
    const toIssue = await approvedDraft();
    expect((await cast.giamdoc.post(`${base}/${toIssue.id}/sign`, {})).status).toBe(200);
    const deadTsa = `http://127.0.0.1:${await freePort()}/tsa`;
    const second = await buildApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        COOKIE_SECURE: 'false',
        WEB_DIST_DIR: '/nonexistent',
        SIMULATORS: 'true',
        OUTBOX_POLL_MS: '0',
        TSA_URL: deadTsa,
      }),
      t.database,
    );
    try {
      await second.listen({ port: 0, host: '127.0.0.1' });
      const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
      const leader = await signInDemo(secondUrl, t.database.db, 'giamdoc');
      const refused = await leader.post<ErrorBody>(`${base}/${draft.id}/sign`, {});
      expect(refused.status).toBe(503);
      expect(refused.body.issues?.map((issue) => issue.field)).toEqual(['timestamp']);
      const after = await cast.giamdoc.get<OutgoingDraft>(`${base}/${draft.id}`);
      expect(after.body).toMatchObject({ status: 'approved', currentVersion: draft.currentVersion });

      const clerk = await signInDemo(secondUrl, t.database.db, 'vanthu');
      const notIssued = await clerk.post<ErrorBody>(`${base}/${toIssue.id}/issue`, {});
      expect(notIssued.status).toBe(503);
      expect(notIssued.body.issues?.map((issue) => issue.field)).toEqual(['timestamp']);
      const stillSigned = await cast.vanthu.get<OutgoingDraft>(`${base}/${toIssue.id}`);
      expect(stillSigned.body).toMatchObject({ status: 'signed', numberSymbol: null });
    } finally {
      await second.close();
    }
  });
});
