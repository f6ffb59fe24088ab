import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { systemActor } from '../src/platform/access.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { App } from '../src/platform/http.ts';
import { createInvoice } from '../src/modules/payments/create-invoice.ts';
import { cancelInvoice } from '../src/modules/payments/cancel-invoice.ts';
import { createPaygovProvider, signParams } from '../src/modules/payments/paygov.ts';
import { recordCounterPayment } from '../src/modules/payments/record-counter-payment.ts';
import type { FeeInvoice } from '../src/modules/payments/repository.ts';
import { paymentRoutes } from '../src/modules/payments/routes.ts';
import type { OnSettled } from '../src/modules/payments/settle-invoice.ts';
import { paygovSimulator } from '../src/modules/payments/simulator.ts';
import { openTestDatabase } from './fixture-database.ts';
import { freePort, signInDemo, TestClient } from './harness.ts';

// app.ts mounts payments only with a platform configured or simulated; without either (as here)
// this file registers them itself, with a hook that records what onSettled saw.
const SECRET = 'paygov-test-secret-0123456789';
const MERCHANT = 'TINHSO_TEST';
const MAI = '087099001234';
const NGOC = '082185003417';

let app: App;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let baseUrl: string;
/** Every IPN the simulator sent: what a replaying platform (or an attacker who saw one) would resend. */
const sentCallbacks: Record<string, string>[] = [];
/** Invoices the onSettled hook saw, with the status the hook's transaction saw them in. */
const settled: { invoice: FeeInvoice; statusInTx: string }[] = [];
let failSettlement = false;
/** When false the simulator's IPN is only recorded, so that a test can deliver it itself. */
let forwardCallbacks = true;

const onSettled: OnSettled = async (tx, invoice) => {
  if (failSettlement) throw new Error('the dossier module failed');
  const row = await tx
    .selectFrom('fee_invoice')
    .select('status')
    .where('id', '=', invoice.id)
    .executeTakeFirstOrThrow();
  settled.push({ invoice, statusInTx: row.status });
};

const signedIn = (username: string) => signInDemo(baseUrl, database.db, username);

beforeAll(async () => {
  database = await openTestDatabase();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ LOG_LEVEL: 'silent', COOKIE_SECURE: 'false', WEB_DIST_DIR: '/nonexistent' });
  app = await buildApp(config, database);
  const provider = createPaygovProvider({
    merchantCode: MERCHANT,
    secret: SECRET,
    gatewayUrl: `${baseUrl}/simulators/paygov`,
  });
  await app.register(paymentRoutes, {
    db: database.db,
    providers: [provider],
    onSettled,
    publicBaseUrl: baseUrl,
  });
  await app.register(paygovSimulator, {
    prefix: '/simulators/paygov',
    merchantCode: MERCHANT,
    secret: SECRET,
    fetch: async (url, init) => {
      sentCallbacks.push(JSON.parse(init?.body as string) as Record<string, string>);
      return forwardCallbacks ? fetch(url, init) : new Response('{}', { status: 200 });
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  // No demo role holds payment.reconcile yet: the inspector's role gets it for this test.
  await database.db
    .updateTable('role')
    .set((eb) => ({
      permissions: eb.fn('array_append', [eb.ref('permissions'), eb.val('payment.reconcile')]),
    }))
    .where('code', '=', 'auditor')
    .execute();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function accountId(username: string): Promise<string> {
  const row = await database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function newInvoice(payer: string, amountVnd = 50_000): Promise<FeeInvoice> {
  const payerAccountId = await accountId(payer);
  return database.db.transaction().execute((tx) =>
    createInvoice(
      tx,
      {
        subject: { kind: 'dossier', id: randomUUID() },
        payerAccountId,
        payerName: 'Nguyễn Thị Mai',
        description: 'Lệ phí cấp bản sao trích lục hộ tịch',
        amountVnd,
      },
      systemActor('test: dossier module'),
    ),
  );
}

const start = (client: TestClient, invoiceId: string, returnPath = `/ho-so/${invoiceId}`) =>
  client.post<{ redirectUrl: string; orderRef: string; code?: string }>(
    `/api/payments/invoices/${invoiceId}/start`,
    { returnPath },
  );

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );

/** What a browser does on the simulator's page: load it, press a button, follow the redirect. */
async function payOnSimulator(redirectUrl: string, result: 'success' | 'cancelled' | 'failed') {
  const page = await fetch(redirectUrl);
  const html = await page.text();
  expect(page.status).toBe(200);
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((match) => [
      unescapeHtml(match[1] ?? ''),
      unescapeHtml(match[2] ?? ''),
    ]),
  );
  const action = new URL(
    unescapeHtml(/<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? ''),
    redirectUrl,
  );
  const pressed = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, result }).toString(),
    redirect: 'manual',
  });
  expect(pressed.status).toBe(303);
  const returned = await fetch(pressed.headers.get('location') ?? '', { redirect: 'manual' });
  return { html, returnedTo: returned.headers.get('location'), returnStatus: returned.status };
}

const callback = (params: Record<string, string>) =>
  fetch(`${baseUrl}/api/payments/callback/paygov`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { code: string },
  }));

const signed = (params: Record<string, string>) => ({ ...params, signature: signParams(params, SECRET) });

async function auditEvents(type: string, entityId: string) {
  return database.db
    .selectFrom('audit_event')
    .select(['type', 'data'])
    .where('type', '=', type)
    .where('entity_id', '=', entityId)
    .execute();
}

const receiptSeq = (receiptNo: string | null) => Number(receiptNo?.slice(-6));

describe('paying a fee online through the PayGov simulator', () => {
  let mai: TestClient;
  let invoice: FeeInvoice;
  let orderRef: string;
  let ipn: Record<string, string>;

  beforeAll(async () => {
    mai = await signedIn(MAI);
    invoice = await newInvoice(MAI);
  });

  it('the payer starts a payment and is sent to the platform’s page with the amount and order', async () => {
    const started = await start(mai, invoice.id);
    expect(started.status).toBe(200);
    orderRef = started.body.orderRef;
    expect(started.body.redirectUrl.startsWith(`${baseUrl}/simulators/paygov/pay?`)).toBe(true);
    const invoiceNow = await mai.get<FeeInvoice>(`/api/payments/invoices/${invoice.id}`);
    expect(invoiceNow.body.status).toBe('pending');

    const sentBefore = sentCallbacks.length;
    const { html, returnedTo, returnStatus } = await payOnSimulator(started.body.redirectUrl, 'success');
    expect(html).toContain('Thanh toán thành công');
    expect(html).toContain('50.000');
    expect(html).toContain(orderRef);
    expect(returnStatus).toBe(303);
    expect(returnedTo).toBe(`/ho-so/${invoice.id}?payment=pending`);
    expect(sentCallbacks.length).toBe(sentBefore + 1);
    ipn = sentCallbacks.at(-1) ?? {};
    expect(ipn.order_ref).toBe(orderRef);
  });

  it('the verified callback marks the invoice paid, issues a numbered receipt and calls onSettled once', async () => {
    const paid = await mai.get<FeeInvoice & { receiptId: string }>(`/api/payments/invoices/${invoice.id}`);
    expect(paid.body).toMatchObject({ status: 'paid', provider: 'paygov', paidOnline: 1, amountVnd: 50_000 });
    expect(paid.body.receiptNo).toMatch(new RegExp(`^BL-${new Date().getUTCFullYear()}-\\d{6}$`));
    const receipt = await mai.get(`/api/payments/receipts/${paid.body.receiptId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      receiptNo: paid.body.receiptNo,
      invoiceId: invoice.id,
      amountVnd: 50_000,
      providerTxnId: ipn.txn_id,
    });
    expect(settled.filter((call) => call.invoice.id === invoice.id)).toEqual([
      { invoice: expect.objectContaining({ status: 'paid' }) as unknown, statusInTx: 'paid' },
    ]);
    expect(await auditEvents('fee_invoice.paid', invoice.id)).toHaveLength(1);
  });

  it('a replayed callback, twice in a row and five at once, gets the same answer and pays nothing again', async () => {
    expect(await callback(ipn)).toEqual({ status: 200, body: { code: '00', message: 'Confirm success' } });
    expect(await callback(ipn)).toEqual({ status: 200, body: { code: '00', message: 'Confirm success' } });
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => callback(ipn)));
    expect(concurrent.map((answer) => answer.body.code)).toEqual(['00', '00', '00', '00', '00']);
    expect(settled.filter((call) => call.invoice.id === invoice.id)).toHaveLength(1);
    const receipts = await database.db
      .selectFrom('fee_receipt')
      .select('id')
      .where('invoice_id', '=', invoice.id)
      .execute();
    expect(receipts).toHaveLength(1);
    expect(await auditEvents('fee_invoice.paid', invoice.id)).toHaveLength(1);
  });

  it('another citizen can neither see nor start the invoice, nor read its receipt (404), anonymous 401', async () => {
    const ngoc = await signedIn(NGOC);
    const open = await newInvoice(MAI);
    expect((await ngoc.get(`/api/payments/invoices/${invoice.id}`)).status).toBe(404);
    expect((await start(ngoc, open.id)).status).toBe(404);
    const receiptId = (await mai.get<{ receiptId: string }>(`/api/payments/invoices/${invoice.id}`)).body
      .receiptId;
    expect((await ngoc.get(`/api/payments/receipts/${receiptId}`)).status).toBe(404);
    expect((await new TestClient(baseUrl).get(`/api/payments/invoices/${invoice.id}`)).status).toBe(401);
    expect((await ngoc.get(`/api/payments/invoices/${randomUUID()}`)).status).toBe(404);
  });

  it('a paid invoice cannot be started again (409)', async () => {
    expect((await start(mai, invoice.id)).status).toBe(409);
  });
});

describe('callbacks that are not accepted', () => {
  let mai: TestClient;
  beforeAll(async () => {
    mai = await signedIn(MAI);
  });

  it('a forged signature is refused (400, code 97), audited as a security event, and changes nothing', async () => {
    const invoice = await newInvoice(MAI, 30_000);
    const { body } = await start(mai, invoice.id);
    const forged = {
      merchant_code: MERCHANT,
      order_ref: body.orderRef,
      amount: '30000',
      txn_id: 'PGX1',
      status: '00',
    };
    const withOtherKey = { ...forged, signature: signParams(forged, 'not-the-secret-at-all') };
    expect(await callback(withOtherKey)).toEqual({
      status: 400,
      body: { code: '97', message: 'Invalid signature' },
    });
    // A real callback's signature does not carry over to other values either.
    const genuine = signed({ ...forged, status: '51' });
    expect((await callback({ ...genuine, status: '00' })).status).toBe(400);
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    const refused = await auditEvents('payment.callback_refused', body.orderRef);
    expect(refused.map((event) => (event.data as { reason: string }).reason)).toEqual([
      'bad_signature',
      'bad_signature',
    ]);
    expect(settled.some((call) => call.invoice.id === invoice.id)).toBe(false);
  });

  it('a signed callback with another amount is refused (400, code 04) and audited', async () => {
    const invoice = await newInvoice(MAI, 30_000);
    const { body } = await start(mai, invoice.id);
    const altered = signed({
      merchant_code: MERCHANT,
      order_ref: body.orderRef,
      amount: '3000',
      txn_id: 'PGX2',
      status: '00',
    });
    expect(await callback(altered)).toEqual({ status: 400, body: { code: '04', message: 'Invalid amount' } });
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    const refused = await auditEvents('payment.callback_refused', body.orderRef);
    expect(refused.map((event) => (event.data as { reason: string }).reason)).toEqual(['amount_mismatch']);
  });

  it('a signed callback for an order we never made is refused (404, code 01)', async () => {
    const unknown = signed({
      merchant_code: MERCHANT,
      order_ref: 'TS000000NOSUCH',
      amount: '1000',
      txn_id: 'PGX3',
      status: '00',
    });
    expect(await callback(unknown)).toEqual({
      status: 404,
      body: { code: '01', message: 'Order not found' },
    });
  });

  it('the return URL alone, with “success” parameters, never marks paid', async () => {
    const invoice = await newInvoice(MAI, 30_000);
    const { body } = await start(mai, invoice.id, `/ho-so/${invoice.id}?tab=phi`);
    const claimed = new URLSearchParams({
      ...signed({ order_ref: body.orderRef, amount: '30000', status: '00', txn_id: 'PGX4' }),
    });
    const returned = await fetch(`${baseUrl}/api/payments/return/paygov?${claimed.toString()}`, {
      redirect: 'manual',
    });
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`/ho-so/${invoice.id}?tab=phi&payment=pending`);
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    const unknown = await fetch(`${baseUrl}/api/payments/return/paygov?order_ref=nope`, {
      redirect: 'manual',
    });
    expect(unknown.headers.get('location')).toBe('/?payment=pending');
  });

  it('an outside return path is refused: no open redirect', async () => {
    const invoice = await newInvoice(MAI, 30_000);
    expect((await start(mai, invoice.id, '//evil.example/x')).status).toBe(400);
    expect((await start(mai, invoice.id, 'https://evil.example/x')).status).toBe(400);
  });

  it('a cancelled payment on the platform leaves the invoice open to pay again', async () => {
    const invoice = await newInvoice(MAI, 30_000);
    const { body } = await start(mai, invoice.id);
    await payOnSimulator(body.redirectUrl, 'cancelled');
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('open');
    expect(settled.some((call) => call.invoice.id === invoice.id)).toBe(false);
  });
});

describe('settling in one transaction, at the counter, and cancelling', () => {
  let mai: TestClient;
  beforeAll(async () => {
    mai = await signedIn(MAI);
  });

  it('five copies of the first callback at once: all acknowledged 00, one receipt, onSettled once', async () => {
    const invoice = await newInvoice(MAI, 15_000);
    const { body } = await start(mai, invoice.id);
    forwardCallbacks = false;
    try {
      await payOnSimulator(body.redirectUrl, 'success');
    } finally {
      forwardCallbacks = true;
    }
    const ipn = sentCallbacks.at(-1) ?? {};
    expect(ipn.order_ref).toBe(body.orderRef);
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    const answers = await Promise.all(Array.from({ length: 5 }, () => callback(ipn)));
    expect(answers.map((answer) => `${answer.status} ${answer.body.code}`)).toEqual(Array(5).fill('200 00'));
    expect(settled.filter((call) => call.invoice.id === invoice.id)).toHaveLength(1);
    const receipts = await database.db
      .selectFrom('fee_receipt')
      .select('id')
      .where('invoice_id', '=', invoice.id)
      .execute();
    expect(receipts).toHaveLength(1);
    expect(await auditEvents('fee_invoice.refund_due', invoice.id)).toHaveLength(0);
  });

  it('a lost callback: the refresh asks the platform and applies its signed answer, once', async () => {
    const invoice = await newInvoice(MAI, 12_000);
    const { body } = await start(mai, invoice.id);
    forwardCallbacks = false;
    try {
      await payOnSimulator(body.redirectUrl, 'success');
    } finally {
      forwardCallbacks = true;
    }
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    const ngoc = await signedIn(NGOC);
    expect((await ngoc.post(`/api/payments/invoices/${invoice.id}/refresh`)).status).toBe(404);
    const refreshed = await mai.post<FeeInvoice>(`/api/payments/invoices/${invoice.id}/refresh`);
    expect(refreshed.body).toMatchObject({ status: 'paid', provider: 'paygov', paidOnline: 1 });
    // The callback arriving late, with numbers as JSON numbers, is a replay.
    const late = sentCallbacks.at(-1) ?? {};
    const lateAnswer = await fetch(`${baseUrl}/api/payments/callback/paygov`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...late, amount: Number(late.amount) }),
    });
    expect(lateAnswer.status).toBe(200);
    expect(settled.filter((call) => call.invoice.id === invoice.id)).toHaveLength(1);
  });

  it('when onSettled fails nothing is paid and no receipt number is used; the platform’s retry pays', async () => {
    const before = await database.db
      .selectFrom('fee_receipt')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const invoice = await newInvoice(MAI, 40_000);
    const { body } = await start(mai, invoice.id);
    failSettlement = true;
    try {
      await payOnSimulator(body.redirectUrl, 'success');
    } finally {
      failSettlement = false;
    }
    expect((await mai.get(`/api/payments/invoices/${invoice.id}`)).body.status).toBe('pending');
    expect(await callback(sentCallbacks.at(-1) ?? {})).toMatchObject({ status: 200, body: { code: '00' } });
    const paid = await mai.get<FeeInvoice>(`/api/payments/invoices/${invoice.id}`);
    expect(paid.body.status).toBe('paid');
    expect(receiptSeq(paid.body.receiptNo)).toBe((before?.seq ?? 0) + 1);
  });

  it('a counter payment takes the next receipt number, paid_online null; a late online payment is refund_due', async () => {
    const invoice = await newInvoice(MAI, 20_000);
    const { body } = await start(mai, invoice.id);
    const last = await database.db
      .selectFrom('fee_receipt')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const paid = await database.db
      .transaction()
      .execute((tx) =>
        recordCounterPayment(tx, { invoiceId: invoice.id, officer: systemActor('test: motcua'), onSettled }),
      );
    expect(paid).toMatchObject({ status: 'paid', provider: null, paidOnline: null });
    expect(receiptSeq(paid.receiptNo)).toBe((last?.seq ?? 0) + 1);

    await payOnSimulator(body.redirectUrl, 'success');
    expect(sentCallbacks.at(-1)?.order_ref).toBe(body.orderRef);
    expect(await callback(sentCallbacks.at(-1) ?? {})).toMatchObject({ status: 200, body: { code: '02' } });
    const after = await mai.get<FeeInvoice>(`/api/payments/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({ status: 'paid', provider: null, receiptNo: paid.receiptNo });
    expect(await auditEvents('fee_invoice.refund_due', invoice.id)).toHaveLength(1);
    expect(settled.filter((call) => call.invoice.id === invoice.id)).toHaveLength(1);
  });

  it('receipts paid at the same time take consecutive numbers of the year’s series', async () => {
    const invoices = await Promise.all([
      newInvoice(MAI, 5_000),
      newInvoice(MAI, 6_000),
      newInvoice(MAI, 7_000),
    ]);
    const last = await database.db
      .selectFrom('fee_receipt')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const paid = await Promise.all(
      invoices.map((invoice) =>
        database.db.transaction().execute((tx) =>
          recordCounterPayment(tx, {
            invoiceId: invoice.id,
            officer: systemActor('test: motcua'),
            onSettled,
          }),
        ),
      ),
    );
    const first = (last?.seq ?? 0) + 1;
    expect(paid.map((invoice) => receiptSeq(invoice.receiptNo)).sort((a, b) => a - b)).toEqual([
      first,
      first + 1,
      first + 2,
    ]);
  });

  it('a cancelled invoice cannot be started', async () => {
    const invoice = await newInvoice(MAI, 20_000);
    await database.db
      .transaction()
      .execute((tx) =>
        cancelInvoice(tx, { invoiceId: invoice.id, reason: 'Hồ sơ rút', actor: systemActor('test') }),
      );
    expect((await start(mai, invoice.id)).status).toBe(409);
  });
});

describe('GET /api/payments/reconciliation', () => {
  it('shows the day’s paid total, flags an attempt without callback and agrees with the settlement list', async () => {
    const mai = await signedIn(MAI);
    const abandoned = await newInvoice(MAI, 10_000);
    const { body } = await start(mai, abandoned.id);

    const inspector = await signedIn('thanhtra');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const report = await inspector.get<{ items: Record<string, unknown>[] }>(
      `/api/payments/reconciliation?from=${day}&to=${day}&provider=paygov`,
    );
    expect(report.status).toBe(200);
    const [today] = report.body.items;
    expect(report.body.items).toHaveLength(1);
    expect(today).toMatchObject({
      day,
      provider: 'paygov',
      invoicesPaid: 4,
      amountVnd: 50_000 + 15_000 + 12_000 + 40_000,
      unknownOrderCallbacks: 1,
      amountMismatches: 1,
      badSignatures: 2,
      settlement: { available: true, count: 5, amountVnd: 137_000, missingThere: [], amountDiffers: [] },
    });
    expect(today?.attemptsWithoutCallback).toContain(body.orderRef);
    // The platform settled the late payment of the invoice paid at the counter: we owe it back.
    expect(today?.refundsDue).toHaveLength(1);
    expect((today?.settlement as { missingHere: string[] }).missingHere).toEqual(today?.refundsDue);

    expect((await mai.get(`/api/payments/reconciliation?from=${day}&to=${day}`)).status).toBe(403);
    expect((await inspector.get(`/api/payments/reconciliation?from=2026-01-01&to=2026-03-01`)).status).toBe(
      400,
    );
  });
});
