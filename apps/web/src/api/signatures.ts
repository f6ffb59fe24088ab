import { Type } from 'typebox';
import {
  SigningKeySchema,
  TrustAnchorSchema,
  TrustCrlSchema,
  VerifyPdfAnswer,
  type RevokeKeyBody,
  type TrustAnchorOcspBody,
} from '@tinhso/contracts';
import { apiCommand, apiSend, apiSendForm } from './client.ts';

/** Checks the signatures of a PDF against the province's trust list; nothing is stored. */
export function verifyPdf(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiSendForm('/api/public/verify-pdf', form, VerifyPdfAnswer);
}

// The signing keys and the trust list (signature.manage). Each form carries its own fields:
// enrolment `file`, `password`, `kind`, `officialId` or `agencyId`; an anchor `file` and `name`.

export const enrolSigningKey = (form: FormData) =>
  apiSendForm('/api/signatures/keys', form, SigningKeySchema);

export const revokeSigningKey = (id: string, body: RevokeKeyBody) =>
  apiSend('POST', `/api/signatures/keys/${id}/revoke`, body, SigningKeySchema);

export const uploadSignatureImage = (officialId: string, form: FormData) =>
  apiSendForm(`/api/signatures/officials/${officialId}/signature-image`, form, Type.Undefined(), 'PUT');

export const addTrustAnchor = (form: FormData) =>
  apiSendForm('/api/signatures/trust-anchors', form, TrustAnchorSchema);

export const removeTrustAnchor = (id: string) => apiCommand('DELETE', `/api/signatures/trust-anchors/${id}`);

export const addTrustCrl = (form: FormData) =>
  apiSendForm('/api/signatures/trust-crls', form, TrustCrlSchema);

/** Sets or clears the OCSP responder of a trusted root (url null: none) and whether AIA may name one. */
export const setTrustAnchorOcsp = (id: string, body: TrustAnchorOcspBody) =>
  apiSend('PUT', `/api/signatures/trust-anchors/${id}/ocsp`, body, TrustAnchorSchema);
