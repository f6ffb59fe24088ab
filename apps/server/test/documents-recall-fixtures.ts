import { expect } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import { createDraft, decisionBody, officialOf } from './documents-outgoing-fixtures.ts';
import { agencyIdOf } from './exchange-fixtures.ts';
import type { TestApp, TestClient } from './harness.ts';

/** Shared by the recall tests: the clients of the story and a way to wait for the outbox. */
export interface Cast {
  chuyenvien: TestClient;
  giamdoc: TestClient;
  vanthu: TestClient;
  vanthutinh: TestClient;
  directorId: string;
  officeId: string;
}

export interface Recipient {
  recipientCode: string;
  statusCode: string | null;
  statusDescription: string | null;
  history: { code: string; description: string | null }[];
}
export interface Outbound {
  items: { documentId: string; businessType: string; recipients: Recipient[] }[];
}
export interface InboxItem {
  id: string;
  documentId: string;
  businessType: string;
  state: string;
  incomingDocumentId: string | null;
  recallReason: string | null;
}

export const DRAFTS = '/api/documents/outgoing/drafts';

/** Set by a test to add the outbox's failures to a timeout's message. */
export let debugOutbox: (() => Promise<string>) | undefined;
export function setDebugOutbox(probe: () => Promise<string>) {
  debugOutbox = probe;
}

/**
 * The story's people on a started app with the demo's signing keys (Sở Tư pháp drafts, signs and
 * issues; Văn phòng UBND tỉnh receives), and the outbox's failures added to a timeout's message.
 */
export async function startCast(t: TestApp): Promise<Cast> {
  await seedDemoSigning(t.database.db, { secret: undefined });
  const cast = {
    chuyenvien: await t.signedIn('chuyenvien'),
    giamdoc: await t.signedIn('giamdoc'),
    vanthu: await t.signedIn('vanthu'),
    vanthutinh: await t.signedIn('vanthutinh'),
    directorId: (await officialOf(t, 'giamdoc')).officialId,
    officeId: await agencyIdOf(t, AGENCY.vpUbnd),
  };
  setDebugOutbox(async () => {
    const failing = await t.database.db
      .selectFrom('outbox')
      .select(['topic', 'attempts', 'last_error'])
      .where('processed_at', 'is', null)
      .where('last_error', 'is not', null)
      .execute();
    return failing.length ? `; outbox failures: ${JSON.stringify(failing)}` : '';
  });
  return cast;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
): Promise<T> {
  const until = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${await (debugOutbox?.() ?? '')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sở Tư pháp drafts, approves, signs and issues a decision to Văn phòng UBND tỉnh (through the exchange). */
export async function issueToOffice(
  cast: Cast,
  options: { summary: string; replacesDraftId?: string },
): Promise<OutgoingDraft> {
  const draft = await createDraft(cast.chuyenvien, {
    ...decisionBody({
      signerId: cast.directorId,
      recipientAgencyId: cast.officeId,
      summary: options.summary,
    }),
    recipients: [{ kind: 'agency', agencyId: cast.officeId }],
    ...(options.replacesDraftId ? { replacesDraftId: options.replacesDraftId } : {}),
  });
  expect((await cast.chuyenvien.post(`${DRAFTS}/${draft.id}/submit`, {})).status).toBe(200);
  expect((await cast.giamdoc.post(`${DRAFTS}/${draft.id}/approve`, {})).status).toBe(200);
  const signed = await cast.giamdoc.post<OutgoingDraft>(`${DRAFTS}/${draft.id}/sign`, {});
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  const issued = await cast.vanthu.post<OutgoingDraft>(`${DRAFTS}/${draft.id}/issue`, {});
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  return issued.body;
}

/** The packages Sở Tư pháp sent for one outgoing document, newest first. */
export async function outboundOf(cast: Cast, draftId: string): Promise<Outbound['items']> {
  return (await cast.vanthu.get<Outbound>(`/api/exchange/outbound?sourceId=${draftId}`)).body.items;
}

/** The office's box entry of a document (any state) and business type. */
export async function boxEntry(cast: Cast, documentId: string, businessType = 'new') {
  return (await cast.vanthutinh.get<{ items: InboxItem[] }>('/api/exchange/inbox')).body.items.find(
    (item) => item.documentId === documentId && item.businessType === businessType,
  );
}

/** Issues a document and waits until it waits in the office's box. */
export async function issueAndDeliver(cast: Cast, options: { summary: string; replacesDraftId?: string }) {
  const issued = await issueToOffice(cast, options);
  const sent = await waitFor('the package', async () => (await outboundOf(cast, issued.id))[0]);
  const entry = await waitFor('the box entry', () =>
    boxEntry(cast, sent.documentId, options.replacesDraftId ? 'replacement' : 'new'),
  );
  return { issued, documentId: sent.documentId, entry };
}
