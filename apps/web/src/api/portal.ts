import { Type, type Static } from 'typebox';
import { apiGet, apiSend } from './client.ts';

/**
 * Fee invoices and the portal inbox. Their schemas still live in the server modules (payments,
 * notifications), not in @tinhso/contracts; these are the parts the portal reads, and they move
 * to the contracts with the server's.
 */

const IsoInstant = Type.String({ format: 'date-time' });

export const FeeInvoice = Type.Object({
  id: Type.String(),
  description: Type.String(),
  amountVnd: Type.Integer(),
  status: Type.Union([
    Type.Literal('open'),
    Type.Literal('pending'),
    Type.Literal('paid'),
    Type.Literal('cancelled'),
  ]),
  paidAt: Type.Union([IsoInstant, Type.Null()]),
  receiptNo: Type.Union([Type.String(), Type.Null()]),
});
export type FeeInvoice = Static<typeof FeeInvoice>;

export const invoicePath = (id: string) => `/api/payments/invoices/${encodeURIComponent(id)}`;
export const getInvoice = (id: string) => apiGet(FeeInvoice, invoicePath(id));
/** Asks the platform about a payment whose callback has not arrived yet. */
export const refreshInvoice = (id: string) =>
  apiSend('POST', `${invoicePath(id)}/refresh`, undefined, FeeInvoice);
export const startPayment = (id: string, returnPath: string) =>
  apiSend(
    'POST',
    `${invoicePath(id)}/start`,
    { returnPath },
    Type.Object({ redirectUrl: Type.String(), orderRef: Type.String() }),
  );

export const InboxNotification = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  entity: Type.Union([Type.Object({ kind: Type.String(), id: Type.String() }), Type.Null()]),
  createdAt: IsoInstant,
  readAt: Type.Union([IsoInstant, Type.Null()]),
});
export type InboxNotification = Static<typeof InboxNotification>;

export const Inbox = Type.Object({
  items: Type.Array(InboxNotification),
  total: Type.Integer(),
  unread: Type.Integer(),
});

export const NOTIFICATIONS_PATH = '/api/me/notifications';
export const markNotificationRead = (id: string) =>
  apiSend('POST', `${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}/read`, undefined, InboxNotification);
export const markAllNotificationsRead = () =>
  apiSend('POST', `${NOTIFICATIONS_PATH}/read-all`, undefined, Type.Object({ updated: Type.Integer() }));
