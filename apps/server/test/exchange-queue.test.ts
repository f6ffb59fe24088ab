import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/platform/errors.ts';
import { EXCHANGE_SEND_TOPIC, queueOutbound } from '../src/modules/exchange/queue-outbound.ts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { queueInput } from './exchange-fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';

// queueOutbound (issue 4 item 3, part A): the outgoing module's call that queues a document for
// exchange in its own transaction. Delivery itself is tested in exchange-delivery.test.ts.

let t: TestApp;
const pdf = new TextEncoder().encode('%PDF-1.7\n%stand-in bytes, not read while queueing\n%%EOF\n');

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const fieldsOfError = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.issues.map((issue) => issue.field).sort();
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('queueOutbound', () => {
  it('stores one package, one row and one outbox message per recipient, with the DocumentId of the convention', async () => {
    const input = await queueInput(t, { number: 7, pdf, recipientCodes: [AGENCY.vpUbnd, AGENCY.ubndTinh] });
    const queued = await t.database.db.transaction().execute((tx) => queueOutbound(tx, input));
    expect(queued.documentId).toBe(`${AGENCY.tuPhap},2026/11/20,07/STP-VP`);
    expect(queued.recipients.map((r) => [r.code, r.transport])).toEqual([
      [AGENCY.vpUbnd, 'local'],
      [AGENCY.ubndTinh, 'local'],
    ]);
    const outbound = await t.database.db
      .selectFrom('exchange_outbound')
      .select(['id', 'recipient_code', 'recipient_name'])
      .where('package_id', '=', queued.packageId)
      .orderBy('recipient_code')
      .execute();
    expect(outbound.map((row) => row.recipient_code)).toEqual([AGENCY.ubndTinh, AGENCY.vpUbnd]);
    expect(outbound.find((row) => row.recipient_code === AGENCY.vpUbnd)?.recipient_name).toBe(
      'Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp',
    );
    const messages = await t.database.db
      .selectFrom('outbox')
      .select(['payload', 'dedupe_key'])
      .where('topic', '=', EXCHANGE_SEND_TOPIC)
      .where('dedupe_key', 'like', `%${queued.documentId}%`)
      .execute();
    expect(messages.map((m) => m.dedupe_key).sort()).toEqual([
      `${EXCHANGE_SEND_TOPIC}:${queued.documentId}:new:${AGENCY.ubndTinh}`,
      `${EXCHANGE_SEND_TOPIC}:${queued.documentId}:new:${AGENCY.vpUbnd}`,
    ]);
    const file = await t.database.db
      .selectFrom('exchange_package_file')
      .select(['name', 'content'])
      .where('package_id', '=', queued.packageId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(file.content).equals(Buffer.from(pdf))).toBe(true);
    const event = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('type', '=', 'exchange.queued')
      .where('entity_id', '=', queued.packageId)
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ documentId: queued.documentId, businessType: 'new' });
  });

  it('queues a recipient once: a second call for the same document and source adds only the new one', async () => {
    const input = await queueInput(t, { number: 8, pdf });
    const first = await t.database.db.transaction().execute((tx) => queueOutbound(tx, input));
    const again = await t.database.db
      .transaction()
      .execute((tx) => queueOutbound(tx, { ...input, recipientCodes: [AGENCY.vpUbnd, AGENCY.noiVu] }));
    expect(again.packageId).toBe(first.packageId);
    expect(again.recipients.map((r) => r.code)).toEqual([AGENCY.noiVu]);
    const rows = await t.database.db
      .selectFrom('exchange_outbound')
      .select('recipient_code')
      .where('package_id', '=', first.packageId)
      .execute();
    expect(rows).toHaveLength(2);
    // The same number from another source is another document: refused.
    const other = { ...input, source: { kind: 'outgoing' as const, id: crypto.randomUUID() } };
    expect(
      await fieldsOfError(() => t.database.db.transaction().execute((tx) => queueOutbound(tx, other))),
    ).toEqual(['document.codeNumber']);
  });

  it('refuses a secret document, unknown or own recipients and a first file that is not a PDF, naming each field', async () => {
    const input = await queueInput(t, {
      number: 9,
      pdf,
      recipientCodes: [AGENCY.vpUbnd, '000.00.99.H20', AGENCY.tuPhap],
      document: { confidentiality: 'mat' },
    });
    const refused = await fieldsOfError(() =>
      t.database.db.transaction().execute((tx) =>
        queueOutbound(tx, {
          ...input,
          files: [{ name: 'x.docx', mediaType: 'application/msword', bytes: pdf }],
        }),
      ),
    );
    expect(refused).toEqual([
      'document.confidentiality',
      'files.0.mediaType',
      'recipientCodes.1',
      'recipientCodes.2',
    ]);
    const stored = await t.database.db
      .selectFrom('exchange_package')
      .select('id')
      .where('document_id', 'like', '%09/STP-VP')
      .execute();
    expect(stored).toEqual([]);
  });

  it('leaves nothing when the caller’s transaction rolls back', async () => {
    const input = await queueInput(t, { number: 10, pdf });
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await queueOutbound(tx, input);
        throw new Error('the caller failed after queueing');
      }),
    ).rejects.toThrow('the caller failed');
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', 'like', '%10/STP-VP%')
      .execute();
    expect(rows).toEqual([]);
  });
});
