import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml } from '../src/modules/exchange/edxml/index.ts';
import { signPackage, verifyPackageSignature } from '../src/modules/exchange/xml-dsig/package-signature.ts';
import {
  createCrl,
  createRootCa,
  derOf,
  issueCertificate,
  type Issued,
} from '../src/modules/signatures/demo-ca.ts';
import { clearOcspCache } from '../src/modules/signatures/ocsp-client.ts';
import { ocspSimulator } from '../src/modules/signatures/ocsp-simulator.ts';
import { createWebCryptoSigner } from '../src/modules/signatures/pdf-signer.ts';
import { congVanEnvelope } from './fixtures/edxml/envelopes.ts';

// The package's seal is checked by OCSP where its root is configured for it (ADR 0026), like a PDF's
// signature: a seal the CA's responder reports revoked makes the package invalid although the CRL
// held still says good, and the kept chain verdict (chain-verdicts.ts) does not answer for it.

let responder: FastifyInstance;
let url: string;
let root: Issued;
let sealed: string;
let crls: Uint8Array[];
const revoked = new Set<string>();

const signerOf = (issued: Issued, chain: Issued[]) =>
  createWebCryptoSigner({
    privateKey: issued.keys.privateKey,
    certificateChain: [issued, ...chain].map((item) => derOf(item.certificate)),
  });

beforeAll(async () => {
  root = await createRootCa('CN=Seal OCSP Root, C=VN');
  const ca = await issueCertificate({
    subject: 'CN=Seal OCSP CA, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'ca',
  });
  const delegated = await issueCertificate({
    subject: 'CN=Seal OCSP Responder, C=VN',
    issuer: ca,
    kind: 'ecdsa',
    role: 'ocsp',
  });
  const seal = await issueCertificate({
    subject: 'CN=Sở Thử Nghiệm, O=UBND tỉnh Thử Nghiệm, C=VN',
    issuer: ca,
    kind: 'ecdsa',
    role: 'signing',
  });
  responder = Fastify();
  await responder.register(ocspSimulator, {
    keys: async () => [
      { issuer: pkijs.Certificate.fromBER(derOf(ca.certificate)), signer: signerOf(delegated, [ca]) },
      { issuer: pkijs.Certificate.fromBER(derOf(root.certificate)), signer: signerOf(root, []) },
    ],
    stateOf: async (serialHex) =>
      revoked.has(serialHex)
        ? { status: 'revoked', at: new Date(Date.now() - 3_600_000) }
        : { status: 'good' },
  });
  await responder.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(responder.server.address() as AddressInfo).port}/`;
  crls = [derOf(await createCrl({ issuer: ca })), derOf(await createCrl({ issuer: root }))];
  sealed = await signPackage(buildEdxml(congVanEnvelope()), signerOf(seal, [ca, root]));
  revoked.add(
    Buffer.from(
      pkijs.Certificate.fromBER(derOf(seal.certificate)).serialNumber.valueBlock.valueHexView,
    ).toString('hex'),
  );
});
afterAll(async () => responder?.close());

describe('the package seal and OCSP', () => {
  it('is revoked by the responder although the CRL says good, and valid again without OCSP', async () => {
    const anchors = [derOf(root.certificate)];
    // CRLs only: good (and this verdict is now kept for the chain).
    expect(await verifyPackageSignature(sealed, { anchors, crls })).toMatchObject({
      revocation: 'good',
      valid: true,
    });
    clearOcspCache();
    const withOcsp = await verifyPackageSignature(sealed, {
      anchors,
      crls,
      ocsp: [{ anchor: anchors[0]!, url, useAia: false }],
    });
    expect(withOcsp).toMatchObject({
      integrity: true,
      trust: 'trusted',
      revocation: 'revoked',
      valid: false,
    });
    expect(withOcsp.problems.join(' ')).toMatch(/revoked since .*\(ocsp\)/);
  });
});
