import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildDetachedCms, OID, sha256, toArrayBuffer } from './cms.ts';
import type { PdfSigner } from './pdf-signer.ts';

/**
 * A local RFC 3161 timestamp authority: the demo's and the tests' (no public TSA is reachable here).
 * It answers a TimeStampReq with a TimeStampResp whose token is a CMS SignedData over a TSTInfo,
 * signed by a certificate with the critical extended key usage timeStamping.
 */

/** The policy under which this TSA stamps (a TinhSo arc: not a government policy). */
export const TSA_POLICY = '1.3.6.1.4.1.55555.1.1';
const PKI_STATUS = { granted: 0, rejection: 2 } as const;

function rejection(text: string): Uint8Array {
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: PKI_STATUS.rejection,
      statusStrings: [new asn1js.Utf8String({ value: text })],
    }),
  });
  return new Uint8Array(response.toSchema().toBER());
}

/** The answer (TimeStampResp DER) to a request (TimeStampReq DER). A malformed one gets a rejection. */
export async function answerTimestampRequest(
  requestDer: Uint8Array,
  options: { signer: PdfSigner; now?: Date },
): Promise<Uint8Array> {
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(requestDer);
  } catch {
    return rejection('badDataFormat');
  }
  if (request.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) return rejection('badAlg');
  if (request.reqPolicy && request.reqPolicy !== TSA_POLICY) return rejection('unacceptedPolicy');
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: TSA_POLICY,
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
    genTime: options.now ?? new Date(),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER());
  const token = await buildDetachedCms({
    contentDigest: await sha256(tstDer),
    certificateChain: options.signer.certificateChain,
    algorithm: options.signer.algorithm,
    sign: (data) => options.signer.sign(data),
    content: { type: OID.tstInfo, bytes: tstDer },
  });
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: PKI_STATUS.granted }),
    timeStampToken: pkijs.ContentInfo.fromBER(token),
  });
  return new Uint8Array(response.toSchema().toBER());
}
