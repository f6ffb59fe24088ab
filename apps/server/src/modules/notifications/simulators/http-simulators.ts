import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { ReceivedMail } from './smtp-sink.ts';

/** The request the SMS adapter sends (channels/sms.ts). */
const SmsRequest = Type.Object({
  brandname: Type.String({ minLength: 1, maxLength: 11 }),
  phone: Type.String({ pattern: '^84[0-9]{9}$' }),
  message: Type.String({ minLength: 1, maxLength: 1_600 }),
  requestId: Type.Optional(Type.String({ maxLength: 100 })),
});
const SmsAnswer = Type.Object({
  code: Type.String(),
  message: Type.String(),
  messageId: Type.Optional(Type.String()),
});
const SimulatedSms = Type.Object({
  messageId: Type.String(),
  brandname: Type.String(),
  phone: Type.String(),
  message: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
});
export type SimulatedSms = Static<typeof SimulatedSms>;

/** Zalo ZNS "send a template message" (channels/zalo.ts). */
const ZnsRequest = Type.Object({
  phone: Type.String({ pattern: '^84[0-9]{9}$' }),
  template_id: Type.String({ minLength: 1 }),
  template_data: Type.Record(Type.String(), Type.String()),
  tracking_id: Type.Optional(Type.String({ maxLength: 48 })),
});
const ZnsAnswer = Type.Object({
  error: Type.Integer(),
  message: Type.String(),
  data: Type.Optional(Type.Object({ msg_id: Type.String(), sent_time: Type.String() })),
});
const SimulatedZns = Type.Object({
  msgId: Type.String(),
  phone: Type.String(),
  templateId: Type.String(),
  templateData: Type.Record(Type.String(), Type.String()),
  trackingId: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
});
export type SimulatedZns = Static<typeof SimulatedZns>;

const SimulatedMail = Type.Object({
  from: Type.String(),
  to: Type.Array(Type.String()),
  subject: Type.String(),
  text: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  receivedAt: Type.String(),
});

const MAX_KEPT = 1_000;
const tags = ['simulators'];

export interface HttpSimulatorOptions {
  smsApiKey: string;
  /** The SMTP sink's mails, listed at GET /simulators/email/messages when given. */
  mails?: () => ReceivedMail[];
  smsApiKeyHeader?: string;
  zaloAccessToken: string;
}

const keep = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > MAX_KEPT) list.shift();
};

/**
 * Stand-ins for the SMS brandname gateway and Zalo ZNS, for the demo and the tests: they check the
 * key or token like the real ones, record what they accept, and list it. Public routes under
 * /simulators that list personal data (phones, addresses, messages): register them only when the
 * simulators are switched on, never in production.
 */
export function createHttpSimulators(options: HttpSimulatorOptions) {
  const sms: SimulatedSms[] = [];
  const zalo: SimulatedZns[] = [];
  const keyHeader = (options.smsApiKeyHeader ?? 'x-api-key').toLowerCase();

  const httpPlugin: FastifyPluginAsyncTypebox = async (app) => {
    app.post(
      '/simulators/sms/send',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'SMS gateway simulator: accept a message when the API key is right',
          body: SmsRequest,
          response: { 200: SmsAnswer, 401: SmsAnswer },
        },
      },
      async (request, reply) => {
        if (request.headers[keyHeader] !== options.smsApiKey)
          return reply.status(401).send({ code: '401', message: 'invalid api key' });
        const messageId = randomUUID();
        keep(sms, {
          messageId,
          brandname: request.body.brandname,
          phone: request.body.phone,
          message: request.body.message,
          requestId: request.body.requestId ?? null,
          receivedAt: new Date().toISOString(),
        });
        return { code: '00', message: 'success', messageId };
      },
    );

    app.get(
      '/simulators/sms/messages',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Messages the SMS simulator accepted',
          response: { 200: Type.Object({ items: Type.Array(SimulatedSms) }) },
        },
      },
      async () => ({ items: [...sms] }),
    );

    app.post(
      '/simulators/zalo/message/template',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Zalo ZNS simulator: accept a template message when the access token is right',
          body: ZnsRequest,
          response: { 200: ZnsAnswer },
        },
      },
      async (request) => {
        // Like Zalo: a refusal is HTTP 200 with a negative error code.
        if (request.headers.access_token !== options.zaloAccessToken)
          return { error: -124, message: 'Access token is invalid' };
        const msgId = randomUUID().replaceAll('-', '');
        const sentTime = String(Date.now());
        keep(zalo, {
          msgId,
          phone: request.body.phone,
          templateId: request.body.template_id,
          templateData: request.body.template_data,
          trackingId: request.body.tracking_id ?? null,
          receivedAt: new Date().toISOString(),
        });
        return { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: sentTime } };
      },
    );

    const { mails } = options;
    if (mails)
      app.get(
        '/simulators/email/messages',
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: 'Mails the SMTP sink received',
            response: { 200: Type.Object({ items: Type.Array(SimulatedMail) }) },
          },
        },
        async () => ({ items: mails() }),
      );

    app.get(
      '/simulators/zalo/messages',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Messages the Zalo ZNS simulator accepted',
          response: { 200: Type.Object({ items: Type.Array(SimulatedZns) }) },
        },
      },
      async () => ({ items: [...zalo] }),
    );
  };

  return { httpPlugin, sms: { messages: () => [...sms] }, zalo: { messages: () => [...zalo] } };
}
