import { Type, type Static } from 'typebox';

/**
 * The verification answer. Kept in the module while only the server uses it; it moves to
 * @tinhso/contracts when the web app's verification page is built.
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
    problems: Type.Array(Type.String(), { description: 'Why a check did not pass (English, for support)' }),
  },
  { additionalProperties: false },
);

export const VerifyPdfAnswer = Type.Object(
  { signatures: Type.Array(SignatureReportSchema, { description: 'In signing order' }) },
  { additionalProperties: false },
);
export type VerifyPdfAnswer = Static<typeof VerifyPdfAnswer>;
