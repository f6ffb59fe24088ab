import { SigningAuthorisation, type SigningAuthorisationBody } from '@tinhso/contracts';
import { apiSend } from './client.ts';

/** Giấy ủy quyền (TUQ.): the head grants and ends them; reads go through useApi. */
export const authorisationsPath = '/api/documents/signing-authorisations';
export const grantAuthorisation = (body: SigningAuthorisationBody) =>
  apiSend('POST', authorisationsPath, body, SigningAuthorisation);
export const endAuthorisation = (id: string) =>
  apiSend('POST', `${authorisationsPath}/${encodeURIComponent(id)}/end`, {}, SigningAuthorisation);
