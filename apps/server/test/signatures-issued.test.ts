import { spawnSync } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { agencyOf, CITIZEN, draftBody } from './dossier-fixtures.ts';
import { opensslCmsVerify, pdfsig, pdfsigTrusting, rawSignatures, writeTemp } from './signatures-tools.ts';
import { sealIssuedPdf } from '../src/modules/signatures/seal-issued-pdf.ts';
import { enrolTestSigningKeys } from './signing-keys-fixture.ts';

let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let dossier: Dossier;

const download = async (client: TestClient, path: string) => {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
};

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  const centre = await agencyOf(t, 'motcua');
  const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen, centre.id));
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  expect((await citizen.post(`/api/dossiers/${draft.body.id}/submit`)).status).toBe(200);
  const received = await motcua.post<Dossier>(`/api/dossiers/${draft.body.id}/receive`, {});
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  dossier = received.body;
});
afterAll(() => t.close());

describe('what the one-stop desk issues carries the agency seal', () => {
  it('the receipt (form 01) of an agency without a seal key is not signed', async () => {
    const receipt = await download(citizen, `/api/dossiers/${dossier.id}/forms/01`);
    expect(pdfsig(receipt).output).toMatch(/does not contain any signatures/);
  });

  it('once the centre holds a seal key, its receipt is sealed: pdfsig trusts the chain through NSS, openssl cms verifies, the stamp is at the top right', async () => {
    const centre = await agencyOf(t, 'motcua');
    const keys = await enrolTestSigningKeys(t, { agencyId: centre.id });
    const receipt = await download(citizen, `/api/dossiers/${dossier.id}/forms/01`);
    const report = pdfsigTrusting(receipt, keys.rootPem);
    expect(report.output).toContain('Signature Validation: Signature is Valid.');
    expect(report.output).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report.output).toContain('Signer Certificate Common Name: Văn phòng UBND tỉnh Thử Nghiệm');
    const untrusted = pdfsig(receipt);
    expect(untrusted.output).not.toContain('Certificate is Trusted.');
    const [signature] = rawSignatures(receipt);
    expect(
      opensslCmsVerify({ cms: signature!.cms, content: signature!.signedBytes, rootPem: keys.rootPem })
        .output,
    ).toContain('Verification successful');
    const text = spawnSync(
      'pdftotext',
      ['-f', '1', '-l', '1', '-bbox', writeTemp('receipt.pdf', receipt), '-'],
      {
        encoding: 'utf8',
      },
    ).stdout;
    const stamp =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">\+07:00/.exec(text) ??
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">[^<]*\+07:00<\/word>/.exec(text);
    expect(stamp, 'the stamp shows the ISO 8601 time at +07:00').not.toBeNull();
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(text)![1]);
    expect(Number(stamp![3])).toBeGreaterThan(pageWidth - 40);
    expect(Number(stamp![2])).toBeLessThan(40);
    expect(text).toContain(dossier.code!);
  });
});

describe('the result is sealed once, at the decision, by the deciding agency', () => {
  it('the applicant downloads the sealed result, the same bytes each time, and the upload is kept', async () => {
    const chuyenvien = await t.signedIn('chuyenvien');
    const giamdoc = await t.signedIn('giamdoc');
    const deciding = await agencyOf(t, 'giamdoc');
    const keys = await enrolTestSigningKeys(t, { agencyId: deciding.id });
    const forwarded = await chuyenvien.post(`/api/dossiers/${dossier.id}/forward`, { note: 'Đủ điều kiện' });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);

    const document = await PDFDocument.create();
    const page = document.addPage([595, 842]);
    page.drawText('PHIEU LY LICH TU PHAP', {
      x: 72,
      y: 760,
      font: await document.embedFont(StandardFonts.Helvetica),
    });
    const upload = await giamdoc.upload<{ id: string }>('/api/files', {
      bytes: await document.save(),
      name: 'phiếu lý lịch tư pháp.pdf',
      type: 'application/pdf',
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const resolved = await giamdoc.post<Dossier>(`/api/dossiers/${dossier.id}/resolve`, {
      outcome: 'approved',
      resultFileId: upload.body.id,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);

    const mine = await citizen.get<Dossier>(`/api/dossiers/${dossier.id}`);
    const result = mine.body.files.find((file) => file.purpose === 'result');
    expect(result, 'the dossier lists its result').toBeDefined();
    expect(result!.id, 'the result is the sealed copy, not the upload').not.toBe(upload.body.id);

    const first = await download(citizen, `/api/dossiers/${dossier.id}/files/${result!.id}`);
    const second = await download(citizen, `/api/dossiers/${dossier.id}/files/${result!.id}`);
    expect(Buffer.from(second).equals(Buffer.from(first)), 'sealed once, not at each download').toBe(true);
    const report = pdfsigTrusting(first, keys.rootPem);
    expect(report.output).toContain('Signature Validation: Signature is Valid.');
    expect(report.output).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report.output).toMatch(/Signer Certificate Common Name: /);
    expect(rawSignatures(first)).toHaveLength(1);

    const kept = await t.database.db
      .selectFrom('stored_file')
      .select(['attached_kind', 'attached_id'])
      .where('id', '=', upload.body.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ attached_kind: 'dossier', attached_id: dossier.id });
    const decided = await t.database.db
      .selectFrom('dossier_event')
      .select('data')
      .where('dossier_id', '=', dossier.id)
      .where('action', '=', 'resolve')
      .executeTakeFirstOrThrow();
    expect(decided.data).toMatchObject({ outcome: 'approved', sealedResult: true });

    // A PDF without a page has nowhere for the stamp: it is handed out as it is, never a 500.
    const pageless = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const handedOut = await sealIssuedPdf(t.database.db, {
      pdf: pageless,
      agencyId: deciding.id,
      label: 'Kết quả',
      reason: 'Trả kết quả',
    });
    expect(handedOut).toEqual({ pdf: pageless, sealed: false });
  });
});
