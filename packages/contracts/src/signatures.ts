import { Type, type Static } from 'typebox';

/**
 * The report of a PDF's signatures (POST /api/public/verify-pdf and the documents' own checks): one
 * entry per signature in signing order; `valid` only when integrity, trust and revocation all hold.
 */
const Text = Type.Union([Type.String(), Type.Null()]);

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
    revocation: Type.Union([Type.Literal('good'), Type.Literal('revoked'), Type.Literal('unknown')]),
    valid: Type.Boolean({
      description: 'True only when integrity holds, trust is trusted and revocation good',
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
