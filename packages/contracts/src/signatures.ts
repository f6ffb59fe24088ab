import { Type, type Static } from 'typebox';

/**
 * The report of a PDF's signatures (POST /api/public/verify-pdf and the documents' own checks): one
 * entry per signature in signing order; `valid` only when integrity, trust and revocation all hold.
 */
const Text = Type.Union([Type.String(), Type.Null()]);

const RevocationSource = Type.Union([Type.Literal('ocsp'), Type.Literal('crl')]);

export const RevocationCheckSchema = Type.Object(
  {
    subject: Type.String(),
    serialNumber: Type.String({ description: 'Certificate serial number, hex' }),
    status: Type.Union([Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown')]),
    source: Type.Union([RevocationSource, Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()], {
      description:
        'When its CA revoked it, ISO 8601 in Vietnam time; also when after the validity time (status stays good)',
    }),
  },
  { additionalProperties: false },
);

export const SignatureReportSchema = Type.Object(
  {
    fieldName: Text,
    subFilter: Type.Union([Type.String(), Type.Null()], { description: 'e.g. ETSI.CAdES.detached (PAdES)' }),
    reason: Text,
    name: Text,
    signer: Type.Union([
      Type.Object(
        {
          commonName: Text,
          organisation: Text,
          serialNumber: Type.String({ description: 'Certificate serial number, hex' }),
          issuer: Type.String({ description: 'Issuer distinguished name' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    signingTime: Type.Union([Type.String(), Type.Null()], {
      description: 'Claimed signing time (/M), ISO 8601 in Vietnam time; not proven without a timestamp',
    }),
    byteRange: Type.Array(Type.Number()),
    coversWholeDocument: Type.Boolean({ description: 'False for an earlier signature of a later revision' }),
    integrity: Type.Boolean({ description: 'The signed bytes are unchanged and the signature verifies' }),
    trust: Type.Union([Type.Literal('trusted'), Type.Literal('untrusted'), Type.Literal('expired')]),
    revocation: Type.Union([Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown')], {
      description: 'unknown: no OCSP answer nor current CRL could say, and the signature is not valid',
    }),
    revocationSource: Type.Union([RevocationSource, Type.Null()], {
      description: 'Where the signer certificate’s status came from: its CA’s OCSP responder or a CRL',
    }),
    revocationChecks: Type.Array(RevocationCheckSchema, {
      description: 'Each certificate of the chain below the trusted root, the signer’s first',
    }),
    valid: Type.Boolean({
      description: 'True only when integrity holds, trust is trusted and revocation good',
    }),
    validityTime: Type.String({
      description:
        'When the certificates were judged valid and not revoked, ISO 8601 in Vietnam time: the trusted timestamp’s time, or the time of the check',
    }),
    validityTimeSource: Type.Union([Type.Literal('timestamp'), Type.Literal('now')], {
      description: 'timestamp: a trusted RFC 3161 timestamp proves the time; now: no trusted timestamp',
    }),
    timestamp: Type.Union(
      [
        Type.Object(
          {
            time: Type.String({ description: 'The timestamp’s time, ISO 8601 in Vietnam time' }),
            trusted: Type.Boolean({
              description: 'The token verifies, covers this signature and its TSA chains to the trust list',
            }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'RFC 3161 signature timestamp (PAdES B-T), null without one' },
    ),
    problems: Type.Array(Type.String(), { description: 'Why a check did not pass (English, for support)' }),
  },
  { additionalProperties: false },
);

export const VerifyPdfAnswer = Type.Object(
  { signatures: Type.Array(SignatureReportSchema, { description: 'In signing order' }) },
  { additionalProperties: false },
);
export type VerifyPdfAnswer = Static<typeof VerifyPdfAnswer>;

/** The signing keys and the trust list (signature.manage: the system administrator's page and API). */
const Uuid = Type.String({ format: 'uuid' });
const KeyKind = Type.Union(
  [Type.Literal('personal'), Type.Literal('seal'), Type.Literal('tsa'), Type.Literal('ocsp')],
  {
    description:
      'personal: an official’s key (ký số cá nhân); seal: the agency’s (ký số cơ quan); tsa: the timestamp authority’s; ocsp: the demo OCSP responder’s',
  },
);

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
    ocspUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'The OCSP responder asked for the certificates chaining to this root (ADR 0026)',
    }),
    ocspUseAia: Type.Boolean({
      description: 'Without ocspUrl, ask the responder a certificate’s Authority Information Access names',
    }),
  },
  { additionalProperties: false },
);

export const TrustAnchorOcspBody = Type.Object(
  {
    url: Type.Union([
      Type.String({
        maxLength: 500,
        pattern: '^(https?://[^\\s]+|/simulators/[a-z/-]+)$',
        description: 'http(s) URL of the responder; /simulators/ocsp is the demo’s; null clears it',
      }),
      Type.Null(),
    ]),
    useAia: Type.Boolean({
      description: 'Ask the responder named in a certificate’s AIA when no url is set',
    }),
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

export type SigningKey = Static<typeof SigningKeySchema>;
export type SigningKeyList = Static<typeof SigningKeyList>;
export type RevokeKeyBody = Static<typeof RevokeKeyBody>;
export type TrustAnchor = Static<typeof TrustAnchorSchema>;
export type TrustAnchorList = Static<typeof TrustAnchorList>;
export type TrustAnchorOcspBody = Static<typeof TrustAnchorOcspBody>;
export type RevocationCheck = Static<typeof RevocationCheckSchema>;
export type TrustCrl = Static<typeof TrustCrlSchema>;
