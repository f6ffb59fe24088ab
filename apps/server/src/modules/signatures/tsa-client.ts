import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../platform/errors.ts';
import { OID, octetStringBytes, sha256, toArrayBuffer } from './cms.ts';

const RETRY_AFTER_MS = 250;

/**
 * The request, sent a second time after a short pause when the first fails to connect or gets a 5xx:
 * a signing the user waits for should not fail on one dropped connection. Both within 10 s each.
 */
async function postOnceMore(url: string, body: Buffer): Promise<Response> {
  const post = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  try {
    const first = await post();
    if (first.status < 500) return first;
  } catch {
    // Retried below; the second failure is the one reported.
  }
  await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
  return post();
}

/**
 * Asks an RFC 3161 timestamp authority over HTTP (application/timestamp-query) for a token over
 * `data` (the signature value, for PAdES B-T). Returns the TimeStampToken (ContentInfo DER). When
 * the authority refuses, answers for another imprint or nonce, or cannot be reached, throws AppError
 * `unavailable` naming `timestamp` (503): the signing fails rather than go on without (ADR 0024).
 */
export async function requestTimestamp(url: string, data: Uint8Array): Promise<Uint8Array> {
  try {
    return await askTimestamp(url, data);
  } catch (error) {
    throw new AppError('unavailable', {
      detail: `the timestamp authority could not stamp the signature: ${(error as Error).message}`,
      issues: [{ field: 'timestamp', key: 'signatures.timestampUnavailable' }],
    });
  }
}

async function askTimestamp(url: string, data: Uint8Array): Promise<Uint8Array> {
  const digest = await sha256(data);
  const nonce = randomBytes(8);
  nonce[0] = nonce[0]! & 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  const response = await postOnceMore(url, Buffer.from(request.toSchema().toBER()));
  if (!response.ok) throw new Error(`the timestamp authority answered HTTP ${response.status}`);
  const answer = pkijs.TimeStampResp.fromBER(new Uint8Array(await response.arrayBuffer()));
  if (Number(answer.status.status) > 1 || !answer.timeStampToken) {
    const reason = answer.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw new Error(`the timestamp authority refused: status ${answer.status.status} ${reason}`);
  }
  const signedData = new pkijs.SignedData({ schema: answer.timeStampToken.content });
  const tst = pkijs.TSTInfo.fromBER(octetStringBytes(signedData.encapContentInfo.eContent!));
  if (!Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) {
    throw new Error('the timestamp is for another imprint');
  }
  if (!tst.nonce || !Buffer.from(tst.nonce.valueBlock.valueHexView).equals(nonce)) {
    throw new Error('the timestamp does not carry our nonce');
  }
  return new Uint8Array(answer.timeStampToken.toSchema().toBER());
}
