import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  checkChain,
  checkRevocation,
  describeName,
  nameAttribute,
  serialHex,
  type CertificateRevocation,
  type OcspLookup,
  type RevocationSource,
  type RevocationStatus,
  type TrustStatus,
} from './certificate-checks.ts';
import { createOcspLookup, type OcspAnchorSettings } from './ocsp-lookup.ts';
import { parseCertificate, parseCrl } from './parsed-der.ts';
import { OID, sha256, toArrayBuffer } from './cms.ts';
import { PdfSignatureError } from './pdf-errors.ts';
import { checkSignatureTimestamp, type TimestampReport } from './tsa-verify.ts';
import { findPdfSignatures, parsePdfDate, toVietnamIso, type PdfSignatureEntry } from './pdf-signatures.ts';

export interface TrustSettings {
  /** DER certificates of the trusted roots (the trust list). */
  anchors: Uint8Array[];
  /** DER CRLs; without one for a certificate of the chain, revocation is `unknown`. */
  crls?: Uint8Array[];
  /** The time of the check (now by default). */
  now?: Date;
  /**
   * OCSP per anchor (ADR 0026): the responder asked for the certificates chaining to it, or the one
   * their Authority Information Access names when allowed. Without it, revocation is by CRL.
   */
  ocsp?: OcspAnchorSettings[];
}

export interface SignatureReport {
  fieldName: string | null;
  subFilter: string | null;
  /** /Reason and /Name of the signature dictionary. */
  reason: string | null;
  name: string | null;
  signer: {
    commonName: string | null;
    organisation: string | null;
    serialNumber: string;
    issuer: string;
  } | null;
  /** The claimed time (/M), ISO 8601 in Vietnam time; not proven without a timestamp. */
  signingTime: string | null;
  byteRange: number[];
  /** The signed range reaches the end of the file (false for an earlier signature of a later revision). */
  coversWholeDocument: boolean;
  /** The digest over the ByteRange matches, the signature over the attributes verifies, the range is sound. */
  integrity: boolean;
  trust: TrustStatus;
  revocation: RevocationStatus;
  /** Where the signer certificate's revocation status came from; null when none could say. */
  revocationSource: RevocationSource | null;
  /** Each certificate of the chain below the anchor, the signer's first. */
  revocationChecks: RevocationCheck[];
  /** True only when integrity holds, the chain is trusted and revocation is good. */
  valid: boolean;
  /**
   * The time at which the certificates' validity and revocation were judged, ISO 8601 in Vietnam
   * time: a trusted timestamp's time (`timestamp`), or the time of the check (`now`).
   */
  validityTime: string;
  validityTimeSource: 'timestamp' | 'now';
  /** The RFC 3161 signature timestamp (PAdES B-T), or null when the signature has none. */
  timestamp: TimestampReport | null;
  /** Why a check did not pass, in English, for logs and support. */
  problems: string[];
}

export interface RevocationCheck extends Omit<CertificateRevocation, 'revokedAt'> {
  /** ISO 8601 in Vietnam time; set also when revoked after the validity time (status stays good). */
  revokedAt: string | null;
}

type Signer = NonNullable<SignatureReport['signer']>;

const parseDer = <T>(bytes: Uint8Array, make: (schema: asn1js.AsnType) => T): T => {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return make(parsed.result);
};

/** Checks every signature of a PDF. Throws PdfSignatureError when the file is not a readable signed PDF. */
export async function verifyPdf(pdf: Uint8Array, trust: TrustSettings): Promise<SignatureReport[]> {
  const entries = await findPdfSignatures(pdf);
  // Parsed once across verifications: every PDF is checked against the same anchors and CRLs.
  const anchors = trust.anchors.map(parseCertificate);
  const crls = (trust.crls ?? []).map(parseCrl);
  const now = trust.now ?? new Date();
  const ocsp = trust.ocsp?.length ? createOcspLookup(trust.ocsp) : undefined;
  const reports: SignatureReport[] = [];
  for (const entry of entries) reports.push(await verifyOne({ pdf, entry, anchors, crls, now, ocsp }));
  return reports;
}

async function verifyOne(options: {
  pdf: Uint8Array;
  entry: PdfSignatureEntry;
  anchors: pkijs.Certificate[];
  crls: pkijs.CertificateRevocationList[];
  now: Date;
  ocsp: OcspLookup | undefined;
}): Promise<SignatureReport> {
  const { pdf, entry, anchors, crls, now, ocsp } = options;
  const problems: string[] = [];
  const claimed = parsePdfDate(entry.signingTimeText);
  const report: SignatureReport = {
    fieldName: entry.fieldName,
    subFilter: entry.subFilter,
    reason: entry.reason,
    name: entry.name,
    signer: null,
    signingTime: claimed ? toVietnamIso(claimed) : null,
    byteRange: entry.byteRange,
    coversWholeDocument: false,
    integrity: false,
    trust: 'untrusted',
    revocation: 'unknown',
    revocationSource: null,
    revocationChecks: [],
    valid: false,
    validityTime: toVietnamIso(now),
    validityTimeSource: 'now',
    timestamp: null,
    problems,
  };
  const range = checkByteRange(pdf, entry);
  if (!range.ok) {
    problems.push(range.problem);
    return report;
  }
  report.coversWholeDocument = range.coversWholeDocument;

  let signedData: pkijs.SignedData;
  try {
    const contentInfo = parseDer(
      Buffer.from(entry.contentsHex, 'hex'),
      (schema) => new pkijs.ContentInfo({ schema }),
    );
    if (contentInfo.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    problems.push(`the signature is not a readable CMS: ${(error as Error).message}`);
    return report;
  }
  const certificates = (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
  const signerInfo = signedData.signerInfos[0];
  const signerCertificate = signerInfo ? findSignerCertificate(signerInfo, certificates) : undefined;
  if (!signerInfo || !signerCertificate) {
    problems.push('the signer certificate is not in the signature');
    return report;
  }
  report.signer = describeSigner(signerCertificate);

  report.integrity = await checkIntegrity({
    signedData,
    signerInfo,
    signerCertificate,
    signedBytes: range.signedBytes,
    problems,
  });
  if (report.integrity)
    report.timestamp = await checkSignatureTimestamp({ signerInfo, anchors, now, problems });
  // A trusted timestamp proves the signature existed then: the certificates are judged at that time.
  const stamped = report.timestamp?.trusted ? new Date(report.timestamp.time) : null;
  const validityTime = stamped && stamped <= now ? stamped : now;
  if (stamped && validityTime === stamped) {
    report.validityTime = toVietnamIso(stamped);
    report.validityTimeSource = 'timestamp';
  }
  const chain = await checkChain({
    signer: signerCertificate,
    others: certificates.filter((c) => c !== signerCertificate),
    anchors,
    now: validityTime,
    claimedSigningTime: report.validityTimeSource === 'timestamp' ? null : claimed,
  });
  report.trust = chain.trust;
  if (chain.problem) problems.push(`chain: ${chain.problem}`);
  if (chain.path.length > 0) {
    const revocation = await checkRevocation({
      path: chain.path,
      crls,
      now,
      validityTime,
      ...(ocsp ? { ocsp } : {}),
    });
    report.revocation = revocation.revocation;
    report.revocationChecks = revocation.checks.map((check) => ({
      ...check,
      revokedAt: check.revokedAt ? toVietnamIso(check.revokedAt) : null,
    }));
    report.revocationSource = revocation.checks[0]?.source ?? null;
    if (revocation.problem) problems.push(`revocation: ${revocation.problem}`);
  }
  report.valid = report.integrity && report.trust === 'trusted' && report.revocation === 'good';
  return report;
}

type RangeCheck =
  { ok: true; signedBytes: Uint8Array; coversWholeDocument: boolean } | { ok: false; problem: string };

/**
 * A sound ByteRange starts at 0, leaves out exactly the /Contents hex string (from '<' to '>') of
 * this dictionary, and ends inside the file.
 */
function checkByteRange(pdf: Uint8Array, entry: PdfSignatureEntry): RangeCheck {
  const [start, length1, offset2, length2] = entry.byteRange;
  if (
    entry.byteRange.length !== 4 ||
    [start, length1, offset2, length2].some((n) => !Number.isInteger(n) || n! < 0)
  ) {
    return { ok: false, problem: `malformed ByteRange [${entry.byteRange.join(' ')}]` };
  }
  const end = offset2! + length2!;
  if (start !== 0 || offset2! <= length1! || end > pdf.length) {
    return {
      ok: false,
      problem: `ByteRange [${entry.byteRange.join(' ')}] does not fit a file of ${pdf.length} bytes`,
    };
  }
  const gap = Buffer.from(pdf.subarray(length1, offset2)).toString('latin1');
  if (
    !gap.startsWith('<') ||
    !gap.endsWith('>') ||
    gap.slice(1, -1).toLowerCase() !== entry.contentsHex.toLowerCase()
  ) {
    return { ok: false, problem: 'the bytes left out of the ByteRange are not this signature’s /Contents' };
  }
  return {
    ok: true,
    signedBytes: Buffer.concat([pdf.subarray(0, length1), pdf.subarray(offset2, end)]),
    coversWholeDocument: end === pdf.length,
  };
}

function findSignerCertificate(
  signerInfo: pkijs.SignerInfo,
  certificates: pkijs.Certificate[],
): pkijs.Certificate | undefined {
  const sid: unknown = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
}

function describeSigner(certificate: pkijs.Certificate): Signer {
  return {
    commonName: nameAttribute(certificate.subject, 'CN'),
    organisation: nameAttribute(certificate.subject, 'O'),
    serialNumber: serialHex(certificate),
    issuer: describeName(certificate.issuer),
  };
}

const attributeValue = (signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined =>
  signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0] as asn1js.AsnType | undefined;

/** The digest of the signed bytes, the signature over the attributes, and the ESS certificate binding. */
async function checkIntegrity(options: {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signerCertificate: pkijs.Certificate;
  signedBytes: Uint8Array;
  problems: string[];
}): Promise<boolean> {
  const { signedData, signerInfo, signerCertificate, signedBytes, problems } = options;
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) {
    problems.push(`digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256`);
    return false;
  }
  const messageDigest = attributeValue(signerInfo, OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) {
    problems.push('no messageDigest attribute');
    return false;
  }
  const digest = await sha256(signedBytes);
  if (!Buffer.from(messageDigest.valueBlock.valueHexView).equals(Buffer.from(digest))) {
    problems.push('the document was changed after signing: the digest over the ByteRange does not match');
    return false;
  }
  const verified = await signedData
    .verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false })
    .catch((error: unknown) => {
      problems.push(`signature check failed: ${(error as Error).message}`);
      return false;
    });
  if (!verified) {
    problems.push('the signature value does not verify with the signer’s key');
    return false;
  }
  const binding = await checkSigningCertificateV2(signerInfo, signerCertificate);
  if (binding.problem) problems.push(binding.problem);
  return binding.ok;
}

/**
 * Whether signing-certificate-v2 names the signer's certificate. Its absence (adbe.pkcs7.detached
 * signatures) is noted but breaks nothing: not PAdES baseline, not a broken signature either.
 */
async function checkSigningCertificateV2(
  signerInfo: pkijs.SignerInfo,
  certificate: pkijs.Certificate,
): Promise<{ ok: boolean; problem: string | null }> {
  const value = attributeValue(signerInfo, OID.signingCertificateV2);
  if (!value) return { ok: true, problem: 'no signing-certificate-v2 attribute (not PAdES baseline)' };
  const first = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined;
  const essCertId = first?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const fields = essCertId?.valueBlock.value ?? [];
  // hashAlgorithm is optional (DEFAULT SHA-256); the certHash is the first OCTET STRING.
  const hashField = fields.find((f) => f instanceof asn1js.OctetString);
  const hashAlgorithm =
    fields[0] instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: fields[0] }) : null;
  if (hashAlgorithm && hashAlgorithm.algorithmId !== OID.sha256) {
    return { ok: false, problem: `signing-certificate-v2 uses ${hashAlgorithm.algorithmId}, not SHA-256` };
  }
  const expected = await sha256(new Uint8Array(certificate.toSchema().toBER()));
  if (!hashField || !Buffer.from(hashField.valueBlock.valueHexView).equals(Buffer.from(expected))) {
    return { ok: false, problem: 'signing-certificate-v2 does not name the signer’s certificate' };
  }
  return { ok: true, problem: null };
}

export { PdfSignatureError };
