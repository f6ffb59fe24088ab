import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PdfSignatureAlgorithm } from './pdf-signer.ts';

/** Object identifiers of the CMS and ESS structures a PAdES signature uses. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

/** The bytes of a view as an ArrayBuffer of their own (a Buffer may be a window on a larger pool). */
export const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

export const sha256 = async (data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await webcrypto.subtle.digest('SHA-256', data));

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to its certificate, hash and issuer/serial. */
async function signingCertificateV2(
  certificate: pkijs.Certificate,
  der: Uint8Array,
): Promise<pkijs.Attribute> {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })],
      }).toSchema(),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  // hashAlgorithm is left out: SHA-256 is its DEFAULT, and DER omits defaults.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: await sha256(der) }), issuerSerial],
  });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The signed attributes in DER order. SET OF must be sorted by encoding: OpenSSL re-encodes what it
 * parsed before checking the signature, so an unsorted set signs bytes OpenSSL never sees.
 */
function derSortedAttributes(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({
    attribute,
    bytes: new Uint8Array(attribute.toSchema().toBER()),
  }));
  return encoded.sort((a, b) => compareBytes(a.bytes, b.bytes)).map((e) => e.attribute);
}

/** The r‖s form WebCrypto gives becomes the DER ECDSA-Sig-Value CMS carries; DER stays as it is. */
function ecdsaToDer(signature: Uint8Array): ArrayBuffer {
  const parsed = asn1js.fromBER(signature);
  const isDer =
    parsed.offset === signature.length &&
    parsed.result instanceof asn1js.Sequence &&
    parsed.result.valueBlock.value.length === 2 &&
    parsed.result.valueBlock.value.every((v) => v instanceof asn1js.Integer);
  return isDer ? toArrayBuffer(signature) : pkijs.createCMSECDSASignature(toArrayBuffer(signature));
}

/**
 * A detached CMS SignedData for CAdES baseline B-B (ETSI EN 319 122-1): signed attributes
 * contentType, messageDigest and signing-certificate-v2, and no signingTime (PAdES puts the time in
 * the signature dictionary's /M).
 */
export async function buildDetachedCms(options: {
  contentDigest: Uint8Array;
  certificateChain: Uint8Array[];
  algorithm: PdfSignatureAlgorithm;
  sign: (data: Uint8Array) => Promise<Uint8Array>;
  /** Another content type carried inside (a timestamp token's TSTInfo); detached `data` by default. */
  content?: { type: string; bytes: Uint8Array };
  /** A TimeStampToken (ContentInfo DER) over the signature value: the B-T unsigned attribute. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}): Promise<Uint8Array> {
  const [signerDer] = options.certificateChain;
  if (!signerDer) throw new Error('the signer has no certificate');
  const certificates = options.certificateChain.map((der) => pkijs.Certificate.fromBER(der));
  const signerCertificate = certificates[0]!;

  const attributes = derSortedAttributes([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: options.content?.type ?? OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: options.contentDigest })],
    }),
    await signingCertificateV2(signerCertificate, signerDer),
  ]);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // What is signed is the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const rawSignature = await options.sign(toBeSigned);
  const isRsa = options.algorithm === 'RSASSA-PKCS1-v1_5';

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signerCertificate.issuer,
      serialNumber: signerCertificate.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      isRsa
        ? { algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }
        : { algorithmId: OID.ecdsaWithSha256 },
    ),
    signature: new asn1js.OctetString({
      valueHex: isRsa ? toArrayBuffer(rawSignature) : ecdsaToDer(rawSignature),
    }),
  });
  if (options.timestamp) {
    const token = await options.timestamp(new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    const parsed = asn1js.fromBER(token);
    if (parsed.offset === -1) throw new Error('the timestamp token is not DER');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: options.content ? 3 : 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo(
      options.content
        ? {
            eContentType: options.content.type,
            eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(options.content.bytes) }),
          }
        : { eContentType: OID.data },
    ),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** The bytes of an OCTET STRING, also when it is held in pieces (pkijs keeps eContent constructed). */
export function octetStringBytes(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView);
  const pieces = value.valueBlock.value as asn1js.OctetString[];
  return new Uint8Array(Buffer.concat(pieces.map((piece) => octetStringBytes(piece))));
}
