import {
  OutgoingDraft,
  type AskOpinionBody,
  type CreateOutgoingBody,
  type IssueOutgoingBody,
  type SubmitOutgoingBody,
} from '@tinhso/contracts';
import { apiSend } from './client.ts';

// Reads go through useApi (OutgoingList, OutgoingDraft, OutgoingSignatureList …); these are the changes.
export const draftPath = (id: string) => `/api/documents/outgoing/drafts/${encodeURIComponent(id)}`;
export const versionPdfPath = (id: string, version: number) => `${draftPath(id)}/versions/${version}/pdf`;

export const createOutgoing = (body: CreateOutgoingBody) =>
  apiSend('POST', '/api/documents/outgoing/drafts', body, OutgoingDraft);
export const askOpinion = (id: string, body: AskOpinionBody) =>
  apiSend('POST', `${draftPath(id)}/opinions`, body, OutgoingDraft);
export const answerOpinion = (id: string, opinionId: string, answer: string) =>
  apiSend(
    'POST',
    `${draftPath(id)}/opinions/${encodeURIComponent(opinionId)}/answer`,
    { answer },
    OutgoingDraft,
  );
export const submitOutgoing = (id: string, body: SubmitOutgoingBody) =>
  apiSend('POST', `${draftPath(id)}/submit`, body, OutgoingDraft);
export const returnOutgoing = (id: string, comment: string) =>
  apiSend('POST', `${draftPath(id)}/return`, { comment }, OutgoingDraft);
export const forwardOutgoing = (id: string) => apiSend('POST', `${draftPath(id)}/forward`, {}, OutgoingDraft);
export const approveOutgoing = (id: string) => apiSend('POST', `${draftPath(id)}/approve`, {}, OutgoingDraft);
export const signOutgoing = (id: string) => apiSend('POST', `${draftPath(id)}/sign`, {}, OutgoingDraft);
export const issueOutgoing = (id: string, body: IssueOutgoingBody) =>
  apiSend('POST', `${draftPath(id)}/issue`, body, OutgoingDraft);
