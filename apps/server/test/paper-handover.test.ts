import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierEvent } from '@tinhso/contracts';
import { scanDossierAlerts } from '../src/modules/dossiers/alerts.ts';
import { agencyOf, CITIZEN, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { downloadPdfText } from './pdf-text.ts';

/**
 * R-DOS-10, the explicit hand-over: the desk records when the paper file of a counter or postal
 * dossier leaves for the deciding unit. Logged once, on time or late against the hand-over time of
 * the alert scan, and the scan no longer alerts a dossier whose file was handed over.
 */
let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let canboxa: TestClient;
let chuyenvien: TestClient;
let centreId: string;

const DAY = 86_400_000;

interface ErrorBody {
  code: string;
  issues?: { field: string; message: string }[];
}

async function paperDossier(): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body.status).toBe('received');
  return answer.body;
}

const handOver = (client: TestClient, id: string, body: object = {}, key?: string) =>
  client.post<Dossier & ErrorBody>(
    `/api/dossiers/${id}/hand-over`,
    body,
    key ? { 'idempotency-key': key } : undefined,
  );

const handOvers = (dossier: Dossier): DossierEvent[] =>
  dossier.events.filter((event) => event.action === 'hand_over');

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  canboxa = await t.signedIn('canboxa');
  chuyenvien = await t.signedIn('chuyenvien');
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('R-DOS-10: the desk hands the paper file over', () => {
  it('is offered to the desk, logged once on time with its note, and refused a second time naming what is allowed', async () => {
    const dossier = await paperDossier();
    expect(dossier.allowedActions).toContain('hand_over');
    expect(dossier.paperHandedOverAt).toBeNull();

    const key = randomUUID();
    const done = await handOver(motcua, dossier.id, { note: 'Anh Lê Văn Bình mang sang' }, key);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('received');
    expect(done.body.paperHandedOverAt).not.toBeNull();
    expect(done.body.allowedActions).not.toContain('hand_over');
    const [event, ...more] = handOvers(done.body);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      fromStatus: 'received',
      toStatus: 'received',
      timeliness: 'on_time',
      note: 'Anh Lê Văn Bình mang sang',
    });
    expect(event!.actor).toBeTruthy();
    expect(event!.at).toBe(done.body.paperHandedOverAt);

    // A retry of the same request (a lost answer) acts once and answers the same.
    const retried = await handOver(motcua, dossier.id, { note: 'Anh Lê Văn Bình mang sang' }, key);
    expect(retried.status).toBe(200);
    expect(handOvers(retried.body)).toHaveLength(1);

    const again = await handOver(motcua, dossier.id);
    expect(again.status).toBe(409);
    const message = again.body.issues?.[0]?.message ?? '';
    expect(again.body.issues?.[0]?.field).toBe('action');
    expect(message).toContain('hand_over');
    expect(message).toContain(done.body.allowedActions.join(', '));

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('entity_id', '=', dossier.id)
      .where('type', '=', 'dossier.changed')
      .execute();
    expect(audit.filter((row) => (row.data as { action: string }).action === 'hand_over')).toHaveLength(1);

    // The printed control slip (form 06) lists the hand-over with its note and its timeliness.
    const slip = await downloadPdfText(motcua, `/api/dossiers/${dossier.id}/forms/06`);
    expect(slip.status).toBe(200);
    expect(slip.text).toContain('bàngiaohồsơgiấy');
    expect(slip.text).toContain('AnhLêVănBìnhmangsang');
  });

  it('refuses an online dossier (409), another agency’s desk (404), a citizen, and bad input (400 naming the field)', async () => {
    const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen, centreId));
    await citizen.post(`/api/dossiers/${draft.body.id}/submit`);
    const online = await motcua.post<Dossier>(`/api/dossiers/${draft.body.id}/receive`, {});
    expect(online.status, JSON.stringify(online.body)).toBe(200);
    expect(online.body.allowedActions).not.toContain('hand_over');
    expect((await handOver(motcua, online.body.id)).status).toBe(409);

    const paper = await paperDossier();
    expect((await handOver(canboxa, paper.id)).status).toBe(404);
    expect((await handOver(citizen, paper.id)).status).toBe(403);
    const empty = await handOver(motcua, paper.id, { note: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.issues?.[0]?.field).toContain('note');
    const unknown = await handOver(motcua, paper.id, { carrier: 'Bình' });
    expect(unknown.status).toBe(400);

    const untouched = await motcua.get<Dossier>(`/api/dossiers/${paper.id}`);
    expect(untouched.body.paperHandedOverAt).toBeNull();
    expect(handOvers(untouched.body)).toEqual([]);
  });

  it('is the desk’s alone, and still open once the deciding unit has taken the dossier up', async () => {
    const dossier = await paperDossier();
    const atUnit = await chuyenvien.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(atUnit.body.allowedActions).not.toContain('hand_over');
    expect((await handOver(chuyenvien, dossier.id)).status).toBe(403);
    const forwarded = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {});
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body.status).toBe('in_process');
    const done = await handOver(motcua, dossier.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('in_process');
    expect(handOvers(done.body)[0]).toMatchObject({ fromStatus: 'in_process', timeliness: 'on_time' });
  });

  it('logs a hand-over after its time as late, with the time it was due', async () => {
    const dossier = await paperDossier();
    const receivedAt = new Date(Date.now() - 10 * DAY);
    await t.database.db
      .updateTable('dossier')
      .set({ received_at: receivedAt })
      .where('id', '=', dossier.id)
      .execute();
    const done = await handOver(motcua, dossier.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(handOvers(done.body)[0]?.timeliness).toBe('late');
    const logged = await t.database.db
      .selectFrom('dossier_event')
      .select(['data', 'timeliness'])
      .where('dossier_id', '=', dossier.id)
      .where('action', '=', 'hand_over')
      .executeTakeFirstOrThrow();
    const dueAt = new Date((logged.data as { dueAt: string }).dueAt);
    expect(dueAt.getTime()).toBeGreaterThan(receivedAt.getTime());
    expect(dueAt.getTime()).toBeLessThan(receivedAt.getTime() + 7 * DAY);
  });
});

describe('R-DOS-10: the alert scan and the recorded hand-over', () => {
  it('does not alert a handed-over dossier still received, and still alerts one not handed over', async () => {
    const handed = await paperDossier();
    const waiting = await paperDossier();
    expect((await handOver(motcua, handed.id)).status).toBe(200);
    const after = await motcua.get<Dossier>(`/api/dossiers/${handed.id}`);
    expect(after.body.status).toBe('received');

    const report = await scanDossierAlerts(t.database.db, { now: new Date(Date.now() + 40 * DAY) });
    const late = (id: string) =>
      report.sent.filter((alert) => alert.dossierId === id && alert.kind === 'handover_late');
    expect(late(handed.id)).toEqual([]);
    expect(late(waiting.id)).toHaveLength(1);
  });
});
