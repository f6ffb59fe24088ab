import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkChain } from './certificate-checks.ts';
import { OID, octetStringBytes, sha256, toArrayBuffer } from './cms.ts';
import { toVietnamIso } from './pdf-signatures.ts';

export interface TimestampReport {
  /** genTime of the token, ISO 8601 in Vietnam time. */
  time: string;
  /** The token's signature verifies, it covers this signature value, and its TSA chains to the trust list with EKU timeStamping. */
  trusted: boolean;
}

const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';

/** The signature-time-stamp of a signer, if it carries one (null when none). */
export async function checkSignatureTimestamp(options: {
  signerInfo: pkijs.SignerInfo;
  anchors: pkijs.Certificate[];
  now: Date;
  problems: string[];
}): Promise<TimestampReport | null> {
  const { signerInfo, anchors, now, problems } = options;
  const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
  if (!attribute) return null;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: attribute.values[0] as asn1js.AsnType });
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
      problems.push('timestamp: not a TSTInfo');
      return null;
    }
    const tst = pkijs.TSTInfo.fromBER(octetStringBytes(signedData.encapContentInfo.eContent));
    const report: TimestampReport = { time: toVietnamIso(tst.genTime), trusted: false };
    const imprint = await sha256(new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    if (
      tst.messageImprint.hashAlgorithm.algorithmId !== OID.sha256 ||
      !Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(imprint))
    ) {
      problems.push('timestamp: its imprint is not the hash of this signature value');
      return report;
    }
    // For a TSTInfo, pkijs takes `data` as what was stamped and checks the imprint against it too.
    const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
    const verified = await signedData
      .verify({ signer: 0, data: toArrayBuffer(signatureValue), checkChain: false })
      .catch(() => false);
    if (!verified) {
      problems.push('timestamp: the token’s signature does not verify');
      return report;
    }
    const certificates = (signedData.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
    const sid: unknown = signedData.signerInfos[0]?.sid;
    const tsa = certificates.find(
      (c) =>
        sid instanceof pkijs.IssuerAndSerialNumber &&
        c.issuer.isEqual(sid.issuer) &&
        c.serialNumber.isEqual(sid.serialNumber),
    );
    if (!tsa) {
      problems.push('timestamp: the TSA certificate is not in the token');
      return report;
    }
    const eku = tsa.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE)?.parsedValue as
      pkijs.ExtKeyUsage | undefined;
    if (!eku?.keyPurposes.includes(TIME_STAMPING_EKU)) {
      problems.push('timestamp: the TSA certificate is not for time stamping');
      return report;
    }
    const chain = await checkChain({
      signer: tsa,
      others: certificates.filter((c) => c !== tsa),
      anchors,
      now,
      claimedSigningTime: null,
    });
    if (chain.trust !== 'trusted') problems.push(`timestamp: TSA chain: ${chain.problem ?? chain.trust}`);
    report.trusted = chain.trust === 'trusted';
    return report;
  } catch (error) {
    problems.push(`timestamp: unreadable (${(error as Error).message})`);
    return null;
  }
}
