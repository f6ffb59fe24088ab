import { OutgoingDraft, type RecallOutgoingBody, type UpdateIssuedOutgoingBody } from '@tinhso/contracts';
import { apiSend } from './client.ts';

/** Thu hồi an issued outgoing document (ADR 0023). */
export const recallOutgoing = (id: string, body: RecallOutgoingBody) =>
  apiSend('POST', `/api/documents/outgoing/${encodeURIComponent(id)}/recall`, body, OutgoingDraft);

/** Cập nhật the metadata of an issued outgoing document across the exchange (ADR 0027). */
export const updateIssuedOutgoing = (id: string, body: UpdateIssuedOutgoingBody) =>
  apiSend('POST', `/api/documents/outgoing/${encodeURIComponent(id)}/update`, body, OutgoingDraft);
