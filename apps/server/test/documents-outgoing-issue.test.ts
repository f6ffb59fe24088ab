import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingDraft, OutgoingNumberList, OutgoingSignatureList } from '@tinhso/contracts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import { readTrustSettings } from '../src/modules/signatures/repository.ts';
import { fieldsOf, type ErrorBody } from './documents-fixtures.ts';
import {
  colleague,
  createDraft,
  decisionBody,
  knowMinistryOfJustice,
  officialOf,
  pdfOf,
} from './documents-outgoing-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { pdfsig } from './signatures-tools.ts';
import { enrolTestSigningKeys } from './signing-keys-fixture.ts';

// Signature, seal, number and issue of an outgoing document (R-SIG-1, R-SIG-2, R-DOC-2, R-DOC-5;
// ADR 0019): the personal signature stays valid under the number stamp and the seal.

let t: TestApp;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let vanthu: TestClient;
let signerId: string;
let agencyId: string;
let recipientAgencyId: string;
let unitId: string;

const base = '/api/documents/outgoing/drafts';
type Answer = OutgoingDraft & ErrorBody;

beforeAll(async () => {
  t = await startTestApp();
  await knowMinistryOfJustice(t);
  await enrolTestSigningKeys(t);
  [chuyenvien, giamdoc, vanthu] = await Promise.all([
    t.signedIn('chuyenvien'),
    t.signedIn('giamdoc'),
    t.signedIn('vanthu'),
  ]);
  ({ officialId: signerId, agencyId } = await officialOf(t, 'giamdoc'));
  recipientAgencyId = (await officialOf(t, 'lanhdao')).agencyId;
  const unit = await t.database.db
    .selectFrom('org_unit')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('name', '=', 'Văn phòng Sở')
    .executeTakeFirstOrThrow();
  unitId = unit.id;
});
afterAll(async () => t?.close());

/** A draft of chuyenvien, submitted straight to `signer` and approved by them. */
async function approvedDraft(
  signer: TestClient,
  signerOfficialId: string,
  extra: Record<string, unknown> = {},
): Promise<OutgoingDraft> {
  const draft = await createDraft(chuyenvien, {
    ...decisionBody({ signerId: signerOfficialId, recipientAgencyId }),
    recipients: [
      { kind: 'agency', agencyId: recipientAgencyId },
      { kind: 'external', agencyCode: '000.00.00.G22', name: 'Bộ Tư pháp' },
      { kind: 'unit', orgUnitId: unitId },
    ],
    ...extra,
  });
  expect((await chuyenvien.post(`${base}/${draft.id}/submit`, {})).status).toBe(200);
  const approved = await signer.post<Answer>(`${base}/${draft.id}/approve`, {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

describe('signing and issuing', () => {
  it('signs with the block of signing time, then seals, numbers and issues; both signatures stay valid', async () => {
    const draft = await approvedDraft(giamdoc, signerId);
    expect((await vanthu.post<ErrorBody>(`${base}/${draft.id}/issue`, {})).status).toBe(409);
    const signed = await giamdoc.post<Answer>(
      `${base}/${draft.id}/sign`,
      {},
      { 'idempotency-key': `sign-${draft.id}` },
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      signingBlock: { authority: 'head', lines: ['GIÁM ĐỐC'], name: 'Huỳnh Thị Ngọc Hân' },
      currentVersion: 2,
      versions: [
        { version: 1, kind: 'rendered' },
        { version: 2, kind: 'signed' },
      ],
    });
    const retry = await giamdoc.post<Answer>(
      `${base}/${draft.id}/sign`,
      {},
      { 'idempotency-key': `sign-${draft.id}` },
    );
    expect(retry.body.versions).toHaveLength(2);
    const personal = await giamdoc.get<OutgoingSignatureList>(`${base}/${draft.id}/signatures`);
    expect(personal.body.signatures).toMatchObject([
      { valid: true, integrity: true, trust: 'trusted', revocation: 'good' },
    ]);

    const issued = await vanthu.post<Answer>(`${base}/${draft.id}/issue`, { copies: 3, keptBy: 'VT, HCTP' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body).toMatchObject({
      status: 'issued',
      numberSymbol: '01/QĐ-STP',
      copies: 3,
      keptBy: 'VT, HCTP',
      currentVersion: 3,
      recipients: [
        { kind: 'agency', delivery: 'queued' },
        { kind: 'external', delivery: 'queued' },
        { kind: 'unit', delivery: 'delivered' },
      ],
    });
    expect(issued.body.history.map((step) => step.action)).toEqual([
      'drafted',
      'submitted',
      'approved',
      'signed',
      'issued',
    ]);

    const pdf = await pdfOf(vanthu, `${base}/${draft.id}/versions/3/pdf`);
    expect(pdf.text).toContain('Số: 01/QĐ-STP');
    expect(pdf.text).toMatch(/Đồng Tháp, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    const reports = await verifyPdf(pdf.bytes, await readTrustSettings(t.database.db, new Date()));
    expect(reports.map((report) => [report.reason, report.valid, report.integrity])).toEqual([
      ['Phê duyệt, ký ban hành', true, true],
      ['Phát hành', true, true],
    ]);
    expect(reports[0]!.coversWholeDocument).toBe(false);
    expect(reports[1]!.coversWholeDocument).toBe(true);
    const { output } = pdfsig(pdf.bytes);
    const blocks = output.split(/Signature #\d+:/).slice(1);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain('Signature Validation: Signature is Valid.');
    const checks = await vanthu.get<OutgoingSignatureList>(`${base}/${draft.id}/signatures`);
    expect(checks.body).toMatchObject({ version: 3, signatures: [{ valid: true }, { valid: true }] });

    const register = await vanthu.get<OutgoingNumberList>('/api/documents/outgoing/numbers');
    expect(register.body.items[0]).toMatchObject({ numberSymbol: '01/QĐ-STP', summary: draft.summary });
    const queued = await t.database.db.selectFrom('exchange_outbound').select('recipient_code').execute();
    expect(queued.map((row) => row.recipient_code).sort()).toEqual(['000.00.00.G22', '000.00.00.H20'].sort());
    expect((await vanthu.post(`${base}/${draft.id}/issue`, {})).status).toBe(409);

    // The agency of this server receives it through the exchange and reports back (status 01 or later).
    let reported: OutgoingDraft['recipients'][number]['exchangeStatus'] = null;
    for (let attempt = 0; attempt < 60 && reported === null; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const seen = await vanthu.get<OutgoingDraft>(`${base}/${draft.id}`);
      reported = seen.body.recipients[0]?.exchangeStatus ?? null;
    }
    expect(reported?.code).toMatch(/^0[1-6]$/);
  });

  it('refuses to seal without a valid personal signature (422 naming signature), and takes no number', async () => {
    const draft = await approvedDraft(giamdoc, signerId);
    expect((await giamdoc.post(`${base}/${draft.id}/sign`, {})).status).toBe(200);
    const anchors = await t.database.db
      .updateTable('trust_anchor')
      .set({ removed_at: new Date() })
      .where('removed_at', 'is', null)
      .returning('id')
      .execute();
    try {
      const refused = await vanthu.post<ErrorBody>(`${base}/${draft.id}/issue`, {});
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(['signature']);
    } finally {
      await t.database.db
        .updateTable('trust_anchor')
        .set({ removed_at: null })
        .where(
          'id',
          'in',
          anchors.map((row) => row.id),
        )
        .execute();
    }
    const numbers = await vanthu.get<OutgoingNumberList>('/api/documents/outgoing/numbers');
    expect(numbers.body.items.map((item) => item.numberSymbol)).not.toContain('02/QĐ-STP');
    expect((await vanthu.post<Answer>(`${base}/${draft.id}/issue`, {})).body.numberSymbol).toBe('02/QĐ-STP');
  });

  it('prints KT. for a deputy, and answers 422 naming signingKey when the signer has no key', async () => {
    const deputy = await colleague(t, agencyId, 'pho_giam_doc');
    const client = await t.signedIn(deputy.username);
    const draft = await approvedDraft(client, deputy.officialId);
    const preview = await pdfOf(chuyenvien, `${base}/${draft.id}/versions/1/pdf`);
    expect(preview.text).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC');
    const refused = await client.post<ErrorBody>(`${base}/${draft.id}/sign`, {});
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['signingKey']);
    expect((await client.get<Answer>(`${base}/${draft.id}`)).body.status).toBe('approved');
  });

  it('never sends a secret document electronically (422 naming confidentiality)', async () => {
    const draft = await approvedDraft(giamdoc, signerId, { confidentiality: 'mat' });
    expect((await giamdoc.post(`${base}/${draft.id}/sign`, {})).status).toBe(200);
    const refused = await vanthu.post<ErrorBody>(`${base}/${draft.id}/issue`, {});
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['confidentiality']);
  });
});
