import { Type, type Static } from 'typebox';

/**
 * The payments API's schemas. They live in the module while only the server uses them; move them to
 * @tinhso/contracts when the web app shows invoices and receipts.
 */
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date' });
const PaidOnline = Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()], {
  description: 'DuocThanhToanTrucTuyen: 1 DVCQG payment platform, 2 provincial gateway, null at the counter',
});

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ProviderParams = Type.Object(
  { provider: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,30}$' }) },
  { additionalProperties: false },
);

export const FeeInvoiceSchema = Type.Object(
  {
    id: Uuid,
    subject: Type.Object({ kind: Type.String(), id: Uuid }),
    payerAccountId: Type.Union([Uuid, Type.Null()]),
    payerName: Type.String(),
    description: Type.String(),
    amountVnd: Type.Integer({ minimum: 1 }),
    status: Type.Union(
      [Type.Literal('open'), Type.Literal('pending'), Type.Literal('paid'), Type.Literal('cancelled')],
      {
        description: 'open (nothing started), pending (sent to the platform, no result yet), paid, cancelled',
      },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    provider: Type.Union([Type.String(), Type.Null()]),
    paidOnline: PaidOnline,
    receiptNo: Type.Union([Type.String(), Type.Null()]),
    receiptId: Type.Union([Uuid, Type.Null()]),
  },
  { additionalProperties: false },
);

export const StartPaymentBody = Type.Object(
  {
    provider: Type.Optional(
      Type.String({ pattern: '^[a-z][a-z0-9_-]{1,30}$', description: 'Default: the first configured' }),
    ),
    returnPath: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'The web app page to come back to (a path such as /ho-so/<id>); default /',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StartPaymentBody = Static<typeof StartPaymentBody>;

export const StartPaymentAnswer = Type.Object(
  { redirectUrl: Type.String(), orderRef: Type.String() },
  { additionalProperties: false },
);

/** The platform's parameters, whatever their names; the signature is their real validation. */
export const CallbackParams = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 }), {
  maxProperties: 60,
});

/** A JSON callback may carry numbers and booleans; they are signed as their text. */
export const CallbackBody = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
  { maxProperties: 60 },
);

export const FeeReceiptSchema = Type.Object(
  {
    id: Uuid,
    receiptNo: Type.String({ description: 'BL-YYYY-NNNNNN, one series per year' }),
    invoiceId: Uuid,
    amountVnd: Type.Integer(),
    payerName: Type.String(),
    content: Type.String(),
    provider: Type.Union([Type.String(), Type.Null()]),
    providerTxnId: Type.Union([Type.String(), Type.Null()]),
    paidOnline: PaidOnline,
    issuedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const ReconciliationQuery = Type.Object(
  { from: Day, to: Day, provider: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]{1,30}$' })) },
  { additionalProperties: false },
);

const Refs = Type.Array(Type.String());
export const ReconciliationAnswer = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          day: Day,
          provider: Type.String(),
          invoicesPaid: Type.Integer(),
          amountVnd: Type.Integer(),
          attemptsWithoutCallback: Refs,
          unknownOrderCallbacks: Type.Integer(),
          amountMismatches: Type.Integer(),
          badSignatures: Type.Integer(),
          refundsDue: Refs,
          settlement: Type.Object(
            {
              available: Type.Boolean(),
              error: Type.Union([Type.String(), Type.Null()]),
              count: Type.Integer(),
              amountVnd: Type.Integer(),
              missingHere: Refs,
              missingThere: Refs,
              amountDiffers: Refs,
            },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
