import { OutgoingDraft, type RecallOutgoingBody } from '@tinhso/contracts';
import { apiSend } from './client.ts';

/** Thu hồi an issued outgoing document (ADR 0023). */
export const recallOutgoing = (id: string, body: RecallOutgoingBody) =>
  apiSend('POST', `/api/documents/outgoing/${encodeURIComponent(id)}/recall`, body, OutgoingDraft);
