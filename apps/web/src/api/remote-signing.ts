import { RemoteSigningAccount, type EnrolRemoteSigningAccount } from '@tinhso/contracts';
import { apiCommand, apiSend } from './client.ts';

// The remote-signing accounts (signature.manage, ADR 0022): which official signs through the
// remote-signing service. The list is read with useApi on `/api/signatures/remote-accounts`.

/** Links an official to their user at the service; an earlier account of theirs is replaced. */
export const enrolRemoteAccount = (body: EnrolRemoteSigningAccount) =>
  apiSend('POST', '/api/signatures/remote-accounts', body, RemoteSigningAccount);

/** Ends an account: the official signs remotely no more (their PKCS#12 key, if any, signs again). */
export const removeRemoteAccount = (id: string) =>
  apiCommand('DELETE', `/api/signatures/remote-accounts/${id}`);
