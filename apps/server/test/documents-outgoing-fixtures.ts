import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import type { TestApp, TestClient } from './harness.ts';

/** A demo official's id and the agency of the post they hold (the primary one). */
export async function officialOf(t: TestApp, username: string) {
  return t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['o.id as officialId', 'p.agency_id as agencyId', 'o.full_name as fullName'])
    .where('a.username', '=', username)
    .where('ap.kind', '=', 'primary')
    .executeTakeFirstOrThrow();
}

/** A colleague holding a post of `positionType` in the agency (primary post, current), with an account. */
export async function colleague(t: TestApp, agencyId: string, positionType: string) {
  return t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['a.username', 'o.id as officialId', 'o.full_name as fullName'])
    .where('p.agency_id', '=', agencyId)
    .where('p.position_type', '=', positionType)
    .where('ap.ends_on', 'is', null)
    .orderBy('a.username')
    .executeTakeFirstOrThrow();
}

/** Bộ Tư pháp in the exchange directory (reached over the national axis), for external recipients. */
export async function knowMinistryOfJustice(t: TestApp): Promise<void> {
  await t.database.db
    .insertInto('exchange_directory')
    .values({ code: '000.00.00.G22', name: 'Bộ Tư pháp', transport: 'axis', peer: null, source: 'import' })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** A draft body for a Quyết định of Sở Tư pháp, signed by `signerId`, sent to `agencyId`. */
export const decisionBody = (options: { signerId: string; recipientAgencyId: string; summary?: string }) => ({
  typeCode: 'quyet_dinh',
  summary: options.summary ?? 'Về việc công nhận kết quả kiểm tra công tác chứng thực năm 2026',
  body: 'Căn cứ Nghị định số 23/2015/NĐ-CP của Chính phủ về cấp bản sao từ sổ gốc, chứng thực.\n\nĐiều 1. Công nhận kết quả kiểm tra công tác chứng thực tại các xã, phường.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  place: 'Đồng Tháp',
  recipients: [
    { kind: 'agency', agencyId: options.recipientAgencyId },
    { kind: 'external', agencyCode: '000.00.00.G22', name: 'Bộ Tư pháp' },
  ],
  signerId: options.signerId,
  urgency: 'khan',
  confidentiality: 'thuong',
});

export async function createDraft(client: TestClient, body: Record<string, unknown>): Promise<OutgoingDraft> {
  const answer = await client.post<OutgoingDraft>('/api/documents/outgoing/drafts', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Downloads a PDF and reads its text with poppler's `pdftotext` (a missing tool fails the test). */
export async function pdfOf(
  client: TestClient,
  path: string,
): Promise<{ status: number; bytes: Uint8Array; text: string }> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, bytes, text: '' };
  const dir = mkdtempSync(join(tmpdir(), 'tinhso-outgoing-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    return { status: 200, bytes, text: text.replace(/\s+/g, ' ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The people of an outgoing document in Sở Tư pháp, signed in: chuyenvien drafts, giamdoc approves
 * and signs, vanthu seals and issues; `signerId` and `agencyId` are giamdoc's, `recipientAgencyId`
 * is lanhdao's agency. Bộ Tư pháp is made known for the external recipient of `decisionBody`.
 */
export interface OutgoingCast {
  chuyenvien: TestClient;
  giamdoc: TestClient;
  vanthu: TestClient;
  signerId: string;
  agencyId: string;
  recipientAgencyId: string;
}

export async function signInOutgoingCast(t: TestApp): Promise<OutgoingCast> {
  await knowMinistryOfJustice(t);
  const [chuyenvien, giamdoc, vanthu] = await Promise.all([
    t.signedIn('chuyenvien'),
    t.signedIn('giamdoc'),
    t.signedIn('vanthu'),
  ]);
  const { officialId: signerId, agencyId } = await officialOf(t, 'giamdoc');
  const recipientAgencyId = (await officialOf(t, 'lanhdao')).agencyId;
  return { chuyenvien, giamdoc, vanthu, signerId, agencyId, recipientAgencyId };
}

/** Creates a draft of `drafter`'s, submits it straight to `signer`, who approves it (200 each). */
export async function submitAndApprove(
  clients: { drafter: TestClient; signer: TestClient },
  body: Record<string, unknown>,
): Promise<OutgoingDraft> {
  const drafts = '/api/documents/outgoing/drafts';
  const draft = await createDraft(clients.drafter, body);
  const submitted = await clients.drafter.post(`${drafts}/${draft.id}/submit`, {});
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const approved = await clients.signer.post<OutgoingDraft>(`${drafts}/${draft.id}/approve`, {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}
