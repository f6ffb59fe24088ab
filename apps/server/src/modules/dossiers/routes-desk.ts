import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams, Uuid } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf } from '../../platform/guard.ts';
import { callerOf } from './access.ts';
import type { Command } from './command.ts';
import { payAtCounter, printDossierReceipt } from './counter-payment.ts';
import { listForwardAssignees } from './forward-assignees.ts';

const tags = ['dossiers'];

// The answers of these routes live beside them while only the back office reads them (as the
// payments module's do); apps/web/src/api/back-office.ts mirrors them.
const CounterPaymentBody = Type.Object(
  {
    amountVnd: Type.Integer({ minimum: 1, description: 'The cash counted, in VND: must equal the invoice' }),
  },
  { additionalProperties: false },
);
const CounterPaymentAnswer = Type.Object(
  {
    dossierId: Uuid,
    invoiceId: Uuid,
    amountVnd: Type.Integer(),
    receiptId: Uuid,
    receiptNo: Type.String({ description: 'BL-YYYY-NNNNNN, the e-receipt issued' }),
    paidAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const AssigneeList = Type.Object(
  {
    step: Type.Union([
      Type.Object(
        { index: Type.Integer(), name: Type.String(), role: Type.String(), unit: Type.String() },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    agency: Type.Union([
      Type.Object({ id: Uuid, name: Type.String() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    items: Type.Array(
      Type.Object(
        {
          id: Uuid,
          name: Type.String(),
          title: Type.String(),
          unit: Type.Union([Type.String(), Type.Null()]),
          isInStepUnit: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * The desk's extras: cash at the counter with its printed e-receipt, and the officials a dossier may
 * be forwarded to. Registered by dossierRoutes.
 */
export const dossierDeskRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const command = async (request: FastifyRequest): Promise<Command> => ({
    db,
    request,
    caller: await callerOf(db, request.principal!),
    actor: actorOf(request),
  });

  app.post(
    '/api/dossiers/:id/counter-payment',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags,
        summary:
          'Thu tiền mặt: the desk settles the dossier’s fee in cash and issues its e-receipt (Idempotency-Key); 409 if paid',
        params: IdParams,
        body: CounterPaymentBody,
        response: { 200: CounterPaymentAnswer },
      },
    },
    async (request) => payAtCounter(await command(request), request.params.id, request.body),
  );

  app.get(
    '/api/dossiers/:id/receipt',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The printed e-receipt of the dossier’s fee (PDF), for whoever may see the dossier',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const origin = `${request.protocol}://${request.host}`;
      const { fileName, bytes } = await printDossierReceipt(db, caller, request.params.id, origin);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/dossiers/:id/assignees',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags,
        summary:
          'Who may be given the next step when forwarding: officials of its agency holding its role (in my reach only)',
        params: IdParams,
        response: { 200: AssigneeList },
      },
    },
    async (request) => listForwardAssignees(db, await callerOf(db, request.principal!), request.params.id),
  );
};
