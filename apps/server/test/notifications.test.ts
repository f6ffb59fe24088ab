import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrincipalResolver } from '../src/modules/identity/resolve-principal.ts';
import { identityRoutes } from '../src/modules/identity/routes.ts';
import { createChannels } from '../src/modules/notifications/channels/create-channels.ts';
import { notify, type NotifyInput } from '../src/modules/notifications/notify.ts';
import { notificationRoutes } from '../src/modules/notifications/routes.ts';
import {
  createSendNotificationHandler,
  NOTIFICATION_SEND_TOPIC,
} from '../src/modules/notifications/send-notification.ts';
import {
  createNotificationSimulators,
  simulatedNotificationsConfig,
} from '../src/modules/notifications/simulators/create-notification-simulators.ts';
import { createGrantsProvider } from '../src/modules/organisation/find-grants.ts';
import { AppError } from '../src/platform/errors.ts';
import { installGuard } from '../src/platform/guard.ts';
import { createHttp, type App } from '../src/platform/http.ts';
import { createOutboxWorker, type OutboxLogger } from '../src/platform/outbox.ts';
import { openTestDatabase } from './fixture-database.ts';
import { TestClient } from './harness.ts';

/**
 * Until app.ts registers the notifications module, these tests compose the parts they need the way
 * buildApp does: the guard, identity (to sign in) and the module's routes, plus the simulators.
 */
const CITIZEN = '087099001234';
const OTHER_CITIZEN = '082185003417';
const SMS_KEY = 'sms-key-of-the-test-0001';
const ZALO_TOKEN = 'zalo-token-of-the-test-0001';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let app: App;
let baseUrl: string;
const simulators = createNotificationSimulators({ smsApiKey: SMS_KEY, zaloAccessToken: ZALO_TOKEN });
let smtpPort: number;
const quiet: OutboxLogger = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  app = createHttp({ logLevel: 'silent', trustProxy: false });
  const resolvePrincipal = createPrincipalResolver(db, createGrantsProvider(db));
  installGuard(app, resolvePrincipal);
  await app.register(identityRoutes, { db, resolvePrincipal, cookieSecure: false, sessionTtlHours: 12 });
  await app.register(notificationRoutes, { db });
  await app.register(simulators.httpPlugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  smtpPort = await simulators.smtp.start(0);
});

afterAll(async () => {
  await app.close();
  await simulators.smtp.stop();
  await database.drop();
});

const accountId = async (username: string) =>
  (
    await database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

const signedIn = async (username: string) => {
  const client = new TestClient(baseUrl);
  const answer = await client.login(username);
  expect(answer.status).toBe(200);
  return client;
};

const send = (input: NotifyInput) => database.db.transaction().execute((tx) => notify(tx, input));

const config = (keys: { sms: string; zalo: string }) =>
  simulatedNotificationsConfig({ baseUrl, smtpPort, smsApiKey: keys.sms, zaloAccessToken: keys.zalo });

const worker = (keys: { sms: string; zalo: string }, maxAttempts = 5) => {
  const channels = createChannels(config(keys));
  return createOutboxWorker({
    db: database.db,
    handlers: {
      [NOTIFICATION_SEND_TOPIC]: createSendNotificationHandler({ db: database.db, channels, logger: quiet }),
    },
    logger: quiet,
    pollMs: 50,
    batchSize: 20,
    maxAttempts,
  });
};
const RIGHT = { sms: SMS_KEY, zalo: ZALO_TOKEN };
const WRONG = { sms: 'not-the-key', zalo: 'not-the-token' };

const notificationRow = (id: string) =>
  database.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const makeDue = () =>
  database.db
    .updateTable('outbox')
    .set({ available_at: sql<Date>`now() - interval '1 second'` })
    .where('processed_at', 'is', null)
    .execute();

interface Inbox {
  items: {
    id: string;
    subject: string;
    body: string;
    template: string;
    entity: unknown;
    readAt: string | null;
  }[];
  total: number;
  unread: number;
}

describe('the portal inbox', () => {
  it('shows a citizen their own notification, marks it read, and hides another’s (404)', async () => {
    const mai = await accountId(CITIZEN);
    const other = await accountId(OTHER_CITIZEN);
    const mine = await send({
      accountId: mai,
      language: 'vi',
      template: 'dossier.received',
      params: { code: 'H20.01-261126-0001', dueDate: '03/12/2026' },
      entity: { kind: 'dossier', id: 'd-0001' },
    });
    const theirs = await send({
      accountId: other,
      language: 'vi',
      template: 'dossier.withdrawn',
      params: { code: 'H20.01-261126-0002' },
    });
    expect(mine.notificationIds).toHaveLength(1);

    const client = await signedIn(CITIZEN);
    const inbox = await client.get<Inbox>('/api/me/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: mine.notificationIds[0],
        template: 'dossier.received',
        subject: 'Hồ sơ H20.01-261126-0001 đã được tiếp nhận',
        entity: { kind: 'dossier', id: 'd-0001' },
        readAt: null,
      }),
    ]);
    expect(inbox.body.items[0]?.body).toContain('Ngày hẹn trả kết quả: 03/12/2026');

    const read = await client.post<{ readAt: string }>(
      `/api/me/notifications/${mine.notificationIds[0]}/read`,
    );
    expect(read.status).toBe(200);
    expect(Date.parse(read.body.readAt)).not.toBeNaN();
    expect((await client.get<Inbox>('/api/me/notifications')).body.unread).toBe(0);

    const foreign = await client.post(`/api/me/notifications/${theirs.notificationIds[0]}/read`);
    expect(foreign.status).toBe(404);
    expect((await notificationRow(theirs.notificationIds[0]!)).read_at).toBeNull();
    const unknown = await client.post('/api/me/notifications/00000000-0000-4000-8000-000000000000/read');
    expect(unknown.status).toBe(404);
    expect(foreign.body).toEqual({ ...unknown.body, correlationId: foreign.body.correlationId });
  });

  it('pages newest first, filters unread, and marks all read', async () => {
    const mai = await accountId(CITIZEN);
    for (const code of ['P-1', 'P-2', 'P-3'])
      await send({ accountId: mai, language: 'en', template: 'dossier.resolved', params: { code } });
    const client = await signedIn(CITIZEN);
    const page = await client.get<Inbox>('/api/me/notifications?limit=2&unreadOnly=true');
    expect(page.body.items.map((item) => item.subject)).toEqual([
      'Results ready for application P-3',
      'Results ready for application P-2',
    ]);
    expect(page.body).toMatchObject({ total: 3, unread: 3 });
    const next = await client.get<Inbox>('/api/me/notifications?limit=2&offset=2&unreadOnly=true');
    expect(next.body.items.map((item) => item.subject)).toEqual(['Results ready for application P-1']);

    const all = await client.post<{ updated: number }>('/api/me/notifications/read-all');
    expect(all.body).toEqual({ updated: 3 });
    expect((await client.get<Inbox>('/api/me/notifications')).body.unread).toBe(0);
  });

  it('refuses the anonymous, and a change without the CSRF token', async () => {
    expect((await new TestClient(baseUrl).get('/api/me/notifications')).status).toBe(401);
    const client = await signedIn(CITIZEN);
    const noToken = await client.request('POST', '/api/me/notifications/read-all', { body: {}, csrf: false });
    expect(noToken.status).toBe(403);
  });
});

describe('templates at call time', () => {
  it('refuses a missing parameter by name, writing nothing', async () => {
    const before = await database.db
      .selectFrom('notification')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const error = await send({
      accountId: await accountId(CITIZEN),
      email: 'nguyenthimai@example.com',
      language: 'vi',
      template: 'dossier.received',
      params: { code: 'H20.01-261126-0009' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([{ field: 'params.dueDate', key: 'required' }]);
    expect((error as AppError).message).toContain('params.dueDate');
    const after = await database.db
      .selectFrom('notification')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await expect(send({ language: 'vi', template: 'dossier.nonsense', params: {} })).rejects.toMatchObject({
      issues: [{ field: 'template', key: 'no_such_record' }],
    });
  });
});

describe('delivery through the outbox', () => {
  it('e-mails plain text to the SMTP sink with the Vietnamese subject intact', async () => {
    const items = '<b>Bản sao</b> giấy khai sinh & sổ hộ khẩu';
    const { notificationIds } = await send({
      email: 'nguyenthimai@example.com',
      language: 'vi',
      template: 'dossier.supplement_requested',
      params: { code: 'H20.01-261126-0003', items },
    });
    const result = await worker(RIGHT).runOnce();
    expect(result).toEqual({ processed: 1, failed: 0 });
    const mail = simulators.smtp
      .messages()
      .find((m) => m.headers['x-tinhso-notification'] === notificationIds[0]);
    expect(mail).toMatchObject({
      to: ['nguyenthimai@example.com'],
      subject: 'Hồ sơ H20.01-261126-0003 cần bổ sung',
    });
    expect(mail?.text).toContain(`Đề nghị ông/bà bổ sung, hoàn thiện: ${items}.`);
    expect(mail?.text).toContain('vui lòng không trả lời');
    expect(mail?.headers['content-type']).toMatch(/^text\/plain/);
    const row = await notificationRow(notificationIds[0]!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, account_id: null });
    expect(row.provider_message_id).toBe(mail?.headers['message-id']);
    const listed = await new TestClient(baseUrl).get<{ items: { subject: string }[] }>(
      '/simulators/email/messages',
    );
    expect(listed.body.items.map((item) => item.subject)).toContain('Hồ sơ H20.01-261126-0003 cần bổ sung');
  });

  it('sends SMS and Zalo to the simulators: refused with a wrong key, then retried with the right one', async () => {
    const params = { code: 'H20.01-261126-0004', dueDate: '04/12/2026' };
    const { notificationIds } = await send({
      accountId: await accountId(CITIZEN),
      phone: '0912345678',
      zaloId: '0912345678',
      language: 'vi',
      template: 'dossier.received',
      params,
    });
    expect(notificationIds).toHaveLength(3);
    const [, smsId, zaloId] = notificationIds as [string, string, string];
    const smsBefore = simulators.sms.messages().length;
    const zaloBefore = simulators.zalo.messages().length;

    expect(await worker(WRONG).runOnce()).toEqual({ processed: 0, failed: 2 });
    expect(simulators.sms.messages()).toHaveLength(smsBefore);
    expect(simulators.zalo.messages()).toHaveLength(zaloBefore);
    expect(await notificationRow(smsId)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await notificationRow(smsId)).last_error).toMatch(/HTTP 401.*invalid api key/);
    expect((await notificationRow(zaloId)).last_error).toMatch(/error -124/);

    const right = worker(RIGHT);
    expect(await right.runOnce()).toEqual({ processed: 0, failed: 0 }); // backing off
    await makeDue();
    expect(await right.runOnce()).toEqual({ processed: 2, failed: 0 });

    const sms = await new TestClient(baseUrl).get<{ items: Record<string, unknown>[] }>(
      '/simulators/sms/messages',
    );
    expect(sms.body.items.at(-1)).toMatchObject({
      brandname: 'TINHSO',
      phone: '84912345678',
      message: 'Ho so H20.01-261126-0004 da duoc tiep nhan, hen tra ket qua ngay 04/12/2026.',
      requestId: smsId,
    });
    const zalo = await new TestClient(baseUrl).get<{ items: Record<string, unknown>[] }>(
      '/simulators/zalo/messages',
    );
    expect(zalo.body.items.at(-1)).toMatchObject({
      phone: '84912345678',
      templateId: 'dossier.received',
      templateData: params,
      trackingId: zaloId,
    });
    expect(await notificationRow(smsId)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect((await notificationRow(zaloId)).provider_message_id).toBe(zalo.body.items.at(-1)?.msgId);

    // At-least-once: a second delivery of the same message sends nothing more.
    const handler = createSendNotificationHandler({
      db: database.db,
      channels: createChannels(config(RIGHT)),
      logger: quiet,
    });
    await handler(
      { notificationId: smsId },
      { id: 0, topic: NOTIFICATION_SEND_TOPIC, attempt: 3, isLastAttempt: false },
    );
    expect(simulators.sms.messages()).toHaveLength(smsBefore + 1);
  });

  it('marks the notification failed when the last attempt fails, and the message dead', async () => {
    const { notificationIds } = await send({
      phone: '0987654321',
      language: 'en',
      template: 'payment.requested',
      params: { code: 'H20.01-261126-0005', amount: '50,000 VND' },
    });
    expect(await worker(WRONG, 1).runOnce()).toEqual({ processed: 0, failed: 1 });
    expect(await notificationRow(notificationIds[0]!)).toMatchObject({ status: 'failed', attempts: 1 });
    const message = await database.db
      .selectFrom('outbox')
      .select(['dead_at'])
      .where(sql<string>`payload->>'notificationId'`, '=', notificationIds[0]!)
      .executeTakeFirstOrThrow();
    expect(message.dead_at).toBeInstanceOf(Date);
  });
});
