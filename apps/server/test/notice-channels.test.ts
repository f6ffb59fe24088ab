import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { agencyOf, CITIZEN, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

/**
 * The channels a citizen chooses for their dossier notices (e-mail, SMS, Zalo), and the notices going
 * out on them: Zalo through the ZNS adapter to the simulator the test server mounts.
 */
let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let centreId: string;

const PREFERENCES = '/api/me/notification-preferences';
const ZALO_PHONE = '0987654321';

interface Preferences {
  channels: string[];
  zaloPhone: string | null;
  accountPhone: string | null;
  isDefault: boolean;
}
interface ErrorBody {
  issues?: { field: string; message: string }[];
}
interface SimulatedZns {
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string | null;
}

async function channelsOf(dossierId: string, template: string) {
  const rows = await t.database.db
    .selectFrom('notification')
    .select(['id', 'channel', 'address'])
    .where('entity_id', '=', dossierId)
    .where('template', '=', template)
    .orderBy('channel')
    .execute();
  return rows;
}

async function zaloMessages(): Promise<SimulatedZns[]> {
  const answer = await t.client().get<{ items: SimulatedZns[] }>('/simulators/zalo/messages');
  return answer.body.items;
}

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 75; attempt++) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return read();
}

async function fileOnline(): Promise<Dossier> {
  const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen, centreId));
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const submitted = await citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('choosing the channels of dossier notices', () => {
  it('starts with e-mail and SMS, and keeps the choice a citizen makes, with its audit event', async () => {
    const before = await citizen.get<Preferences>(PREFERENCES);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ channels: ['email', 'sms'], zaloPhone: null, isDefault: true });

    const chosen = await citizen.put<Preferences>(PREFERENCES, {
      channels: ['zalo', 'email'],
      zaloPhone: ZALO_PHONE,
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({
      channels: ['email', 'zalo'],
      zaloPhone: ZALO_PHONE,
      isDefault: false,
    });
    expect((await citizen.get<Preferences>(PREFERENCES)).body.channels).toEqual(['email', 'zalo']);

    const account = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', CITIZEN)
      .executeTakeFirstOrThrow();
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('type', '=', 'notification_preference.changed')
      .where('entity_id', '=', account.id)
      .execute();
    expect(audit.at(-1)?.data).toMatchObject({ channels: ['email', 'zalo'], hasZaloPhone: true });
  });

  it('refuses an unknown channel or a bad Zalo number, naming the field; officials have no such choice', async () => {
    const fax = await citizen.put<ErrorBody>(PREFERENCES, { channels: ['fax'], zaloPhone: null });
    expect(fax.status).toBe(400);
    expect(fax.body.issues?.[0]?.field).toMatch(/^channels/);
    const badPhone = await citizen.put<ErrorBody>(PREFERENCES, { channels: ['zalo'], zaloPhone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.issues?.[0]?.field).toBe('zaloPhone');
    const twice = await citizen.put<ErrorBody>(PREFERENCES, { channels: ['sms', 'sms'], zaloPhone: null });
    expect(twice.status).toBe(400);
    expect((await motcua.get(PREFERENCES)).status).toBe(403);
    expect((await t.client().get(PREFERENCES)).status).toBe(401);
  });
});

describe('dossier notices on the chosen channels', () => {
  it('sends by Zalo (ZNS) when chosen, and not by SMS when SMS was left out', async () => {
    const chosen = await citizen.put<Preferences>(PREFERENCES, {
      channels: ['zalo'],
      zaloPhone: ZALO_PHONE,
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const dossier = await fileOnline();

    const rows = await channelsOf(dossier.id, 'dossier.submitted');
    expect(rows.map((row) => row.channel)).toEqual(['in_app', 'zalo']);
    const zaloRow = rows.find((row) => row.channel === 'zalo')!;
    expect(zaloRow.address).toBe(ZALO_PHONE);

    const messages = await until(zaloMessages, (items) =>
      items.some((item) => item.trackingId === zaloRow.id),
    );
    const sent = messages.find((item) => item.trackingId === zaloRow.id);
    expect(sent).toMatchObject({
      phone: '84987654321',
      templateId: 'dossier.submitted',
      templateData: { code: dossier.code },
    });
    const delivered = await until(
      () =>
        t.database.db
          .selectFrom('notification')
          .select(['status', 'provider_message_id'])
          .where('id', '=', zaloRow.id)
          .executeTakeFirstOrThrow(),
      (row) => row.status === 'sent',
    );
    expect(delivered.status).toBe('sent');
  });

  it('follows a later choice: e-mail only, then the dossier’s phone for Zalo when no number is given', async () => {
    await citizen.put(PREFERENCES, { channels: ['email'], zaloPhone: null });
    const dossier = await fileOnline();
    expect((await channelsOf(dossier.id, 'dossier.submitted')).map((row) => row.channel)).toEqual([
      'email',
      'in_app',
    ]);

    await citizen.put(PREFERENCES, { channels: ['zalo', 'sms'], zaloPhone: null });
    const received = await motcua.post<Dossier>(`/api/dossiers/${dossier.id}/receive`, {});
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const rows = await channelsOf(dossier.id, 'dossier.received');
    expect(rows.map((row) => [row.channel, row.address])).toEqual([
      ['in_app', null],
      ['sms', '0912345678'],
      ['zalo', '0912345678'],
    ]);
  });

  it('tells an applicant without an account at the e-mail and phone on the dossier, never by Zalo', async () => {
    const body = await draftBody(motcua, centreId);
    const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
      ...body,
      applicant: { ...body.applicant, personalId: '001099009999', fullName: 'Trần Văn Bình' },
      channel: 'counter',
      deliveryMethod: 'counter',
      outcome: { kind: 'receive' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect((await channelsOf(answer.body.id, 'dossier.received')).map((row) => row.channel)).toEqual([
      'email',
      'sms',
    ]);
  });
});
