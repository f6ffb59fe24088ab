import {
  IncomingHandling,
  RegisteredIncoming,
  type AssignIncomingBody,
  type CompleteIncomingBody,
  type RegisterIncomingBody,
} from '@tinhso/contracts';
import { apiSend } from './client.ts';

// Reads go through useApi (IncomingList, IncomingHandling, MyIncomingList, AssigneeOptions); these are the changes.
const incoming = (id: string) => `/api/documents/incoming/${encodeURIComponent(id)}`;

export const registerIncoming = (body: RegisterIncomingBody) =>
  apiSend('POST', '/api/documents/incoming', body, RegisteredIncoming);

/** Every step of the handling answers the document as it leaves it. */
export const incomingStep = (
  id: string,
  action: 'submit' | 'return' | 'reassign' | 'progress' | 'opinion' | 'read' | 'close',
  body: Record<string, string>,
) => apiSend('POST', `${incoming(id)}/${action}`, body, IncomingHandling);

export const assignIncoming = (id: string, body: AssignIncomingBody) =>
  apiSend('POST', `${incoming(id)}/assign`, body, IncomingHandling);

export const completeIncoming = (id: string, body: CompleteIncomingBody) =>
  apiSend('POST', `${incoming(id)}/complete`, body, IncomingHandling);

/** The scan is a download: a plain link to this address. */
export const scanAddress = (id: string) => `${incoming(id)}/scan`;

/** The Phiếu giải quyết văn bản đến, printed by the server. */
export const slipAddress = (id: string) => `${incoming(id)}/slip`;
