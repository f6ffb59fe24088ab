import { expect } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { DEMO_ROOT_NAME } from '../src/modules/signatures/seed-demo-signing.ts';
import { agencyIdOf } from './exchange-fixtures.ts';
import { colleague, createDraft, decisionBody } from './documents-outgoing-fixtures.ts';
import type { TestApp, TestClient } from './harness.ts';

/**
 * Remote signing in tests (ADR 0022): the demo's remote signer (the Phó Giám đốc of Sở Tư pháp,
 * seeded by seedDemoSigning), drafts waiting for their signature, and the simulator's phone as JSON.
 */
export const SIMULATOR = '/simulators/remote-signing';
export const DRAFTS = '/api/documents/outgoing/drafts';

export async function remoteSigner(t: TestApp) {
  const agencyId = await agencyIdOf(t, AGENCY.tuPhap);
  return { agencyId, ...(await colleague(t, agencyId, 'pho_giam_doc')) };
}

/** A draft of chuyenvien's, submitted to and approved by `signer`: the next step is the signature. */
export async function approvedDraft(
  t: TestApp,
  clients: { drafter: TestClient; signer: TestClient },
  options: { signerId: string; summary: string },
): Promise<OutgoingDraft> {
  const office = await agencyIdOf(t, AGENCY.vpUbnd);
  const draft = await createDraft(clients.drafter, {
    ...decisionBody({ signerId: options.signerId, recipientAgencyId: office, summary: options.summary }),
    recipients: [{ kind: 'agency', agencyId: office }],
  });
  const submitted = await clients.drafter.post(`${DRAFTS}/${draft.id}/submit`, {});
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const approved = await clients.signer.post(`${DRAFTS}/${draft.id}/approve`, {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return draft;
}

interface Pending {
  items: { transactionId: string; description: string; expiresAt: string }[];
}

/** Waits until the simulated phone of `user` shows the request to sign the draft about `summary`. */
export async function phoneRequest(
  t: TestApp,
  user: string,
  summary: string,
): Promise<Pending['items'][number]> {
  const until = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(
      `${t.baseUrl}${SIMULATOR}/v1/test/users/${encodeURIComponent(user)}/pending`,
    );
    const body = (await response.json()) as Pending;
    const found = body.items.find((item) => item.description === `Ký văn bản: ${summary}`);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no request reached the phone of ${user}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function answerOnPhone(
  t: TestApp,
  transactionId: string,
  decision: 'confirm' | 'refuse' | 'expire',
): Promise<number> {
  const response = await fetch(`${t.baseUrl}${SIMULATOR}/v1/test/transactions/${transactionId}/${decision}`, {
    method: 'POST',
  });
  return response.status;
}

/** The demo root as PEM, for `openssl cms -verify -CAfile`. */
export async function demoRootPem(t: TestApp): Promise<string> {
  const row = await t.database.db
    .selectFrom('trust_anchor')
    .select('certificate')
    .where('name', '=', DEMO_ROOT_NAME)
    .executeTakeFirstOrThrow();
  const base64 = Buffer.from(row.certificate).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}
