import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, toArrayBuffer } from './cms.ts';
import { OCSP_OID } from './ocsp-client.ts';
import type { PdfSigner } from './pdf-signer.ts';

/**
 * A local OCSP responder (RFC 6960): the demo's and the tests' (no real CA's responder is reachable
 * here). It answers an OCSPRequest with a BasicOCSPResponse signed by a delegated responder
 * certificate (id-kp-OCSPSigning, issued by the CA it answers for) or by the CA's own key.
 */

export type CertificateState = { status: 'good' } | { status: 'revoked'; at: Date } | { status: 'unknown' };

export interface OcspResponderKey {
  /** The CA whose certificates this key answers for. */
  issuer: pkijs.Certificate;
  /** The responder's key; its chain's first certificate is put in the response. */
  signer: PdfSigner;
}

/** How long an answer is good for (nextUpdate − thisUpdate): a verifier may cache it that long. */
export const OCSP_ANSWER_VALIDITY_MS = 10 * 60_000;
const STATUS = { successful: 0, malformedRequest: 1, internalError: 2, unauthorized: 6 } as const;

const bare = (status: number): Uint8Array =>
  new Uint8Array(
    new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }).toSchema().toBER(),
  );

function issuerHashes(issuer: pkijs.Certificate, hashAlgorithm: string) {
  const digest = (bytes: ArrayBuffer | Uint8Array) =>
    createHash(hashAlgorithm).update(new Uint8Array(bytes)).digest();
  return {
    name: digest(issuer.subject.toSchema().toBER(false)),
    key: digest(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
  };
}

const HASH_NAMES: Record<string, string> = { '1.3.14.3.2.26': 'sha1', [OID.sha256]: 'sha256' };

async function findKey(certId: pkijs.CertID, keys: OcspResponderKey[]) {
  const hashAlgorithm = HASH_NAMES[certId.hashAlgorithm.algorithmId];
  if (!hashAlgorithm) return undefined;
  for (const key of keys) {
    const hashes = issuerHashes(key.issuer, hashAlgorithm);
    if (
      hashes.name.equals(Buffer.from(certId.issuerNameHash.valueBlock.valueHexView)) &&
      hashes.key.equals(Buffer.from(certId.issuerKeyHash.valueBlock.valueHexView))
    )
      return key;
  }
  return undefined;
}

function certStatus(state: CertificateState): asn1js.BaseBlock {
  if (state.status === 'revoked')
    return new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 1 },
      value: [new asn1js.GeneralizedTime({ valueDate: state.at })],
    });
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: state.status === 'good' ? 0 : 2 } });
}

/**
 * The answer (OCSPResponse DER) to a request (OCSPRequest DER). One certificate per request (what
 * TinhSo's client sends); a CA it holds no key for gets `unauthorized`, a malformed request
 * `malformedRequest`. `now` dates the answer (thisUpdate, producedAt).
 */
export async function answerOcspRequest(
  requestDer: Uint8Array,
  options: {
    keys: OcspResponderKey[];
    stateOf: (serialHex: string, issuer: pkijs.Certificate) => Promise<CertificateState>;
    now?: Date;
  },
): Promise<Uint8Array> {
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(requestDer);
  } catch {
    return bare(STATUS.malformedRequest);
  }
  const [single, ...more] = request.tbsRequest.requestList;
  if (!single || more.length > 0) return bare(STATUS.malformedRequest);
  const certId = single.reqCert;
  const key = await findKey(certId, options.keys);
  if (!key) return bare(STATUS.unauthorized);
  const now = options.now ?? new Date();
  const serialHex = Buffer.from(certId.serialNumber.valueBlock.valueHexView).toString('hex');
  const state = await options.stateOf(serialHex, key.issuer);
  const responderDer = key.signer.certificateChain[0]!;
  const responder = pkijs.Certificate.fromBER(responderDer);
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OCSP_OID.nonce);
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: responder.subject,
      producedAt: now,
      responses: [
        new pkijs.SingleResponse({
          certID: certId,
          certStatus: certStatus(state),
          thisUpdate: now,
          nextUpdate: new Date(now.getTime() + OCSP_ANSWER_VALIDITY_MS),
        }),
      ],
      ...(nonce ? { responseExtensions: [nonce] } : {}),
    }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      key.signer.algorithm === 'ECDSA'
        ? { algorithmId: OID.ecdsaWithSha256 }
        : { algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() },
    ),
    certs: [responder],
  });
  const tbs = new Uint8Array((basic.tbsResponseData.toSchema(true) as asn1js.Sequence).toBER());
  basic.tbsResponseData.tbsView = tbs;
  const raw = await key.signer.sign(tbs);
  const signature =
    key.signer.algorithm === 'ECDSA' && raw.length === 64
      ? pkijs.createCMSECDSASignature(toArrayBuffer(raw))
      : toArrayBuffer(raw);
  basic.signature = new asn1js.BitString({ valueHex: signature });
  return new Uint8Array(
    new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: STATUS.successful }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: OCSP_OID.basic,
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }),
      }),
    })
      .toSchema()
      .toBER(),
  );
}

/** A certificate's status from CRLs (DER) of its issuer: the demo CA's revocations as it published them. */
export function stateFromCrls(
  crls: pkijs.CertificateRevocationList[],
  serialHex: string,
  issuer: pkijs.Certificate,
): CertificateState {
  for (const crl of crls) {
    if (!crl.issuer.isEqual(issuer.subject)) continue;
    const entry = crl.revokedCertificates?.find(
      (revoked) => Buffer.from(revoked.userCertificate.valueBlock.valueHexView).toString('hex') === serialHex,
    );
    if (entry) return { status: 'revoked', at: entry.revocationDate.value };
  }
  return { status: 'good' };
}
