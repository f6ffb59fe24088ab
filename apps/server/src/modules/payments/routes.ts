import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { acceptFormBodies } from './form-body.ts';
import { getInvoice } from './get-invoice.ts';
import { getReceipt } from './get-receipt.ts';
import { handleCallback } from './handle-callback.ts';
import { queryPayment } from './query-payment.ts';
import type { PaymentProvider } from './provider.ts';
import { reconcilePayments } from './reconcile-payments.ts';
import {
  CallbackBody,
  CallbackParams,
  FeeInvoiceSchema,
  FeeReceiptSchema,
  IdParams,
  ProviderParams,
  ReconciliationAnswer,
  ReconciliationQuery,
  StartPaymentAnswer,
  StartPaymentBody,
} from './schemas.ts';
import type { OnSettled } from './settle-invoice.ts';
import { RETURN_PATH, startPayment } from './start-payment.ts';
import './tables.ts';

export interface PaymentRoutesOptions {
  db: Db;
  /** The configured adapters by code; the first is the default of POST …/start. */
  providers: readonly PaymentProvider[];
  /** Given by the dossier module: runs in the transaction that marks an invoice paid. */
  onSettled: OnSettled;
  /** Our origin as the platform and the citizen's browser reach it, e.g. https://dichvucong.tinh.gov.vn */
  publicBaseUrl: string | (() => string);
  /**
   * The addresses the platforms call back from, when they publish them: callbacks from elsewhere are
   * refused before any work (a flood of forged callbacks would otherwise fill the audit trail).
   */
  callbackIps?: readonly string[];
}

const tags = ['payments'];

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRoutesOptions> = async (app, options) => {
  const { db, providers, onSettled, publicBaseUrl, callbackIps } = options;
  const byCode = new Map(providers.map((provider) => [provider.code, provider]));
  const providerOf = (code: string) => {
    const provider = byCode.get(code);
    if (!provider) throw new AppError('not_found', { params: { what: 'provider' } });
    return provider;
  };
  acceptFormBodies(app);

  app.get(
    '/api/payments/invoices/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A fee invoice: for its payer, and officials holding payment.reconcile (others: 404)',
        params: IdParams,
        response: { 200: FeeInvoiceSchema },
      },
    },
    async (request) => getInvoice(db, request.params.id, principalOf(request)),
  );

  app.post(
    '/api/payments/invoices/:id/start',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The payer starts an online payment: answers the platform page to redirect the browser to',
        params: IdParams,
        body: StartPaymentBody,
        response: { 200: StartPaymentAnswer },
      },
    },
    async (request) => {
      const code = request.body.provider ?? providers[0]?.code;
      const provider = code ? byCode.get(code) : undefined;
      if (!provider) throw invalid('provider', 'enum', { allowed: [...byCode.keys()].join(', ') });
      return runCommand(db, request, (tx) =>
        startPayment(tx, {
          invoiceId: request.params.id,
          principal: principalOf(request),
          provider,
          returnPath: request.body.returnPath ?? '/',
          publicBaseUrl: typeof publicBaseUrl === 'function' ? publicBaseUrl() : publicBaseUrl,
          actor: actorOf(request),
        }),
      );
    },
  );

  app.post(
    '/api/payments/invoices/:id/refresh',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Ask the platform about payments of this invoice still without a callback, and apply its signed answer',
        params: IdParams,
        response: { 200: FeeInvoiceSchema },
      },
    },
    async (request) =>
      queryPayment(db, {
        invoiceId: request.params.id,
        principal: principalOf(request),
        providers,
        onSettled,
        correlationId: request.id,
      }),
  );

  const callback = async (
    request: FastifyRequest,
    code: string,
    raw: Record<string, string | number | boolean>,
  ) => {
    const provider = providerOf(code);
    if (callbackIps && !callbackIps.includes(request.ip)) {
      request.log.warn({ ip: request.ip, provider: code }, 'payment callback from an address not allowed');
      throw new AppError('forbidden');
    }
    const params = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, String(value)]));
    const ack = await handleCallback(db, {
      provider,
      params,
      remoteIp: request.ip,
      correlationId: request.id,
      onSettled,
    });
    return provider.acknowledge(ack);
  };
  const callbackSchema = {
    tags,
    summary: 'The payment platform’s signed server-to-server result (IPN); answers its acknowledgement',
    params: ProviderParams,
  };
  app.post(
    '/api/payments/callback/:provider',
    { config: { access: 'public' }, schema: { ...callbackSchema, body: CallbackBody } },
    async (request, reply) => {
      const { statusCode, body } = await callback(request, request.params.provider, request.body);
      return reply.status(statusCode).send(body);
    },
  );
  app.get(
    '/api/payments/callback/:provider',
    { config: { access: 'public' }, schema: { ...callbackSchema, querystring: CallbackParams } },
    async (request, reply) => {
      const { statusCode, body } = await callback(request, request.params.provider, request.query);
      return reply.status(statusCode).send(body);
    },
  );

  app.get(
    '/api/payments/return/:provider',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Where the platform sends the browser back; proves nothing, redirects to the page that polls',
        params: ProviderParams,
        querystring: CallbackParams,
      },
    },
    async (request, reply) => {
      const orderRef = providerOf(request.params.provider).orderRefOfReturn(request.query);
      const attempt = orderRef
        ? await db
            .selectFrom('payment_attempt')
            .select('return_path')
            .where('order_ref', '=', orderRef)
            .where('provider', '=', request.params.provider)
            .executeTakeFirst()
        : undefined;
      const path = attempt && RETURN_PATH.test(attempt.return_path) ? attempt.return_path : '/';
      return reply.redirect(`${path}${path.includes('?') ? '&' : '?'}payment=pending`, 303);
    },
  );

  app.get(
    '/api/payments/receipts/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'An e-receipt (biên lai điện tử): for the payer, and officials holding payment.reconcile',
        params: IdParams,
        response: { 200: FeeReceiptSchema },
      },
    },
    async (request) => getReceipt(db, request.params.id, principalOf(request)),
  );

  app.get(
    '/api/payments/reconciliation',
    {
      config: { access: 'payment.reconcile' },
      schema: {
        tags,
        summary: 'Day-by-day reconciliation per provider, compared with each provider’s settlement list',
        querystring: ReconciliationQuery,
        response: { 200: ReconciliationAnswer },
      },
    },
    async (request) => {
      const { from, to, provider } = request.query;
      const chosen = provider ? [providerOf(provider)] : providers;
      return { items: await reconcilePayments(db, { from, to, providers: chosen }) };
    },
  );
};
