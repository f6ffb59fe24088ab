import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { agencyOf, CITIZEN, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { downloadPdfText } from './pdf-text.ts';

// Thu tiền mặt: the one-stop officer takes a dossier's fee in cash at the desk
// (POST /api/dossiers/:id/counter-payment) and prints its e-receipt (GET /api/dossiers/:id/receipt).

let t: TestApp;
let motcua: TestClient;
let centreId: string;

interface ErrorBody {
  code: string;
  message: string;
  issues?: { field: string; message: string }[];
}
interface Paid {
  dossierId: string;
  invoiceId: string;
  amountVnd: number;
  receiptId: string;
  receiptNo: string;
  paidAt: string;
}

/** A paper dossier received at the provincial centre: LLTP, general fee case (200,000 VND). */
async function receivedAtCounter(extra: Record<string, unknown> = {}): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    ...extra,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

async function printedReceipt(client: TestClient, path: string) {
  const printed = await downloadPdfText(client, path, 'single');
  if (printed.status === 200) expect(printed.contentType).toBe('application/pdf');
  return printed;
}

const pay = (client: TestClient, id: string, amountVnd: unknown, key?: string) =>
  client.post<Paid & ErrorBody>(
    `/api/dossiers/${id}/counter-payment`,
    { amountVnd },
    key ? { 'idempotency-key': key } : undefined,
  );

beforeAll(async () => {
  t = await startTestApp();
  motcua = await t.signedIn('motcua');
  centreId = (await agencyOf(t, 'motcua')).id;
});
afterAll(async () => t?.close());

describe('cash at the counter', () => {
  it('settles the fee once per Idempotency-Key, issues the e-receipt and records who took the cash', async () => {
    const dossier = await receivedAtCounter();
    expect(dossier).toMatchObject({ paymentStatus: 'due', feeAmount: 200_000 });
    expect(dossier.invoiceId).not.toBeNull();

    const key = `cash-${dossier.id}`;
    const first = await pay(motcua, dossier.id, 200_000, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      dossierId: dossier.id,
      invoiceId: dossier.invoiceId,
      amountVnd: 200_000,
    });
    expect(first.body.receiptNo).toMatch(/^BL-\d{4}-\d{6}$/);
    const again = await pay(motcua, dossier.id, 200_000, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const receipts = await t.database.db
      .selectFrom('fee_receipt')
      .select(['receipt_no', 'amount_vnd', 'provider', 'paid_online'])
      .where('invoice_id', '=', dossier.invoiceId!)
      .execute();
    expect(receipts).toEqual([
      { receipt_no: first.body.receiptNo, amount_vnd: 200_000, provider: null, paid_online: null },
    ]);
    const after = await motcua.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(after.body.paymentStatus).toBe('paid');
    const payEvents = after.body.events.filter((event) => event.action === 'pay');
    expect(payEvents).toHaveLength(1);
    expect(payEvents[0]?.note).toBe(first.body.receiptNo);
    expect(payEvents[0]?.actor).toContain('motcua');

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_label', 'data'])
      .where('type', '=', 'fee_invoice.paid')
      .where('entity_id', '=', dossier.invoiceId!)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_label).toContain('motcua');
    expect(audit[0]?.data).toMatchObject({ receiptNo: first.body.receiptNo, provider: null });
  });

  it('refuses an amount other than the invoice’s, naming amountVnd, and changes nothing', async () => {
    const dossier = await receivedAtCounter();
    for (const amount of [100_000, 200_001]) {
      const wrong = await pay(motcua, dossier.id, amount);
      expect(wrong.status).toBe(400);
      expect(wrong.body.issues?.[0]?.field).toBe('amountVnd');
      expect(wrong.body.message).toContain('200000');
    }
    const missing = await motcua.post<ErrorBody>(`/api/dossiers/${dossier.id}/counter-payment`, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.issues)).toContain('amountVnd');
    const after = await motcua.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(after.body.paymentStatus).toBe('due');
  });

  it('answers 409 with the payment state and the receipt when the fee is already paid', async () => {
    const dossier = await receivedAtCounter();
    const first = await pay(motcua, dossier.id, 200_000, `cash-a-${dossier.id}`);
    expect(first.status).toBe(200);
    const second = await pay(motcua, dossier.id, 200_000, `cash-b-${dossier.id}`);
    expect(second.status).toBe(409);
    expect(second.body.issues?.[0]?.field).toBe('paymentStatus');
    expect(second.body.message).toContain(first.body.receiptNo);
  });

  it('lets one of two desks paying at the same moment win; the other gets 409 and one receipt exists', async () => {
    const dossier = await receivedAtCounter();
    const other = await t.signedIn('motcua');
    const answers = await Promise.all([
      pay(motcua, dossier.id, 200_000, `race-a-${dossier.id}`),
      pay(other, dossier.id, 200_000, `race-b-${dossier.id}`),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const receipts = await t.database.db
      .selectFrom('fee_receipt')
      .select('receipt_no')
      .where('invoice_id', '=', dossier.invoiceId!)
      .execute();
    expect(receipts).toHaveLength(1);
  });

  it('answers 409 when the dossier owes nothing (an exemption)', async () => {
    const dossier = await receivedAtCounter({ exemption: 0 });
    expect(dossier.invoiceId).toBeNull();
    const answer = await pay(motcua, dossier.id, 200_000);
    expect(answer.status).toBe(409);
    expect(answer.body.issues?.[0]?.field).toBe('paymentStatus');
  });

  it('is for the receiving agency’s desk only: another desk gets 404, others 403', async () => {
    const dossier = await receivedAtCounter();
    const otherDesk = await t.signedIn('canboxa');
    expect((await pay(otherDesk, dossier.id, 200_000)).status).toBe(404);
    const specialist = await t.signedIn('chuyenvien');
    expect((await pay(specialist, dossier.id, 200_000)).status).toBe(403);
    const citizen = await t.signedIn(CITIZEN);
    expect((await pay(citizen, dossier.id, 200_000)).status).toBe(403);
    expect((await pay(motcua, '00000000-0000-4000-8000-000000000000', 200_000)).status).toBe(404);
    const after = await motcua.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(after.body.paymentStatus).toBe('due');
  });

  it('prints the e-receipt for the desk, and for nobody outside the dossier’s reach', async () => {
    const dossier = await receivedAtCounter();
    expect((await printedReceipt(motcua, `/api/dossiers/${dossier.id}/receipt`)).status).toBe(404);
    const paid = await pay(motcua, dossier.id, 200_000);
    expect(paid.status).toBe(200);
    const printed = await printedReceipt(motcua, `/api/dossiers/${dossier.id}/receipt`);
    expect(printed.status).toBe(200);
    expect(printed.text).toContain(paid.body.receiptNo);
    expect(printed.text).toContain('200.000 đồng');
    expect(printed.text).toContain('Tiền mặt tại Bộ phận Một cửa');
    expect(printed.text).toContain(dossier.code!);
    expect(printed.text).toContain('Đặng Thị Kim Ngân');
    const otherDesk = await t.signedIn('canboxa');
    expect((await printedReceipt(otherDesk, `/api/dossiers/${dossier.id}/receipt`)).status).toBe(404);
  });
});
