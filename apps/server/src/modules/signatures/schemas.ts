import { Type } from 'typebox';

/** The verification answer lives in @tinhso/contracts (the public page reads it too). */
export { SignatureReportSchema, VerifyPdfAnswer } from '@tinhso/contracts';

const Text = Type.Union([Type.String(), Type.Null()]);

const Uuid = Type.String({ format: 'uuid' });
const KeyKind = Type.Union([Type.Literal('personal'), Type.Literal('seal'), Type.Literal('tsa')], {
  description:
    'personal: an official’s key (ký số cá nhân); seal: the agency’s (ký số cơ quan); tsa: the timestamp authority’s',
});

export const SigningKeySchema = Type.Object(
  {
    id: Uuid,
    kind: KeyKind,
    officialId: Type.Union([Uuid, Type.Null()]),
    agencyId: Uuid,
    subject: Type.String({ description: 'Certificate subject, e.g. CN=…, O=…, C=VN' }),
    commonName: Text,
    issuer: Type.String(),
    serialNumber: Type.String({ description: 'Certificate serial number, hex' }),
    notBefore: Type.String({ format: 'date-time' }),
    notAfter: Type.String({ format: 'date-time' }),
    algorithm: Type.Union([Type.Literal('RSASSA-PKCS1-v1_5'), Type.Literal('ECDSA')]),
    certificateSha256: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
    enrolledAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokeReason: Text,
  },
  { additionalProperties: false, description: 'A signing key; never its private part' },
);

export const SigningKeyList = Type.Object(
  { items: Type.Array(SigningKeySchema) },
  { additionalProperties: false },
);

export const SigningKeyQuery = Type.Object(
  { kind: Type.Optional(KeyKind), officialId: Type.Optional(Uuid), agencyId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const RevokeKeyBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why the key is withdrawn' }) },
  { additionalProperties: false },
);

export const TrustAnchorSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    subject: Type.String(),
    sha256: Type.String({ description: 'SHA-256 of the DER certificate' }),
    notAfter: Type.String({ format: 'date-time' }),
    addedAt: Type.String({ format: 'date-time' }),
    removedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export const TrustAnchorList = Type.Object(
  { items: Type.Array(TrustAnchorSchema) },
  { additionalProperties: false },
);

export const TrustCrlSchema = Type.Object(
  {
    id: Uuid,
    issuer: Type.String(),
    thisUpdate: Type.String({ format: 'date-time' }),
    nextUpdate: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revoked: Type.Integer({ description: 'How many certificates it revokes' }),
  },
  { additionalProperties: false },
);
