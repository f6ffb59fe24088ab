import { Type, type Static } from 'typebox';

/**
 * Remote signing (ký số từ xa, R-SIG-4): the accounts linking an official to the remote-signing
 * service, and the caller's own pending requests (what their phone shows) for the signing page.
 */
const Uuid = Type.String({ format: 'uuid' });

export const RemoteSigningAccount = Type.Object(
  {
    id: Uuid,
    officialId: Uuid,
    officialName: Type.String({ description: 'The official’s full name, for the administration page' }),
    agencyId: Uuid,
    providerUserId: Type.String({ description: 'The signer’s user id at the remote-signing service' }),
    subject: Type.String({ description: 'Subject of the certificate the service answered' }),
    serialNumber: Type.String({ description: 'Certificate serial number, hex' }),
    notBefore: Type.String({ format: 'date-time' }),
    notAfter: Type.String({ format: 'date-time' }),
    algorithm: Type.Union([Type.Literal('RSASSA-PKCS1-v1_5'), Type.Literal('ECDSA')]),
    certificateSha256: Type.String(),
    enrolledAt: Type.String({ format: 'date-time' }),
    removedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, description: 'An official who signs through the remote-signing service' },
);
export type RemoteSigningAccount = Static<typeof RemoteSigningAccount>;

export const RemoteSigningAccountList = Type.Object(
  { items: Type.Array(RemoteSigningAccount) },
  { additionalProperties: false },
);
export type RemoteSigningAccountList = Static<typeof RemoteSigningAccountList>;

export const EnrolRemoteSigningAccount = Type.Object(
  {
    officialId: Uuid,
    providerUserId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The user id the service knows the official by (often the CCCD number)',
    }),
  },
  { additionalProperties: false },
);
export type EnrolRemoteSigningAccount = Static<typeof EnrolRemoteSigningAccount>;

export const PendingRemoteSignature = Type.Object(
  {
    transactionId: Type.String(),
    description: Type.String({ description: 'What the phone shows the signer' }),
    startedAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type PendingRemoteSignature = Static<typeof PendingRemoteSignature>;

export const MyRemoteSigning = Type.Object(
  {
    isRemote: Type.Boolean({ description: 'True when I sign through the remote-signing service' }),
    pending: Type.Array(PendingRemoteSignature),
  },
  { additionalProperties: false },
);
export type MyRemoteSigning = Static<typeof MyRemoteSigning>;
