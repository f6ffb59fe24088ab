import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import Fastify, { type FastifyInstance } from 'fastify';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createCrl,
  createRootCa,
  derOf,
  issueCertificate,
  type Issued,
} from '../src/modules/signatures/demo-ca.ts';
import { signerForAgencySeal } from '../src/modules/signatures/key-store.ts';
import { clearOcspCache, OCSP_OID } from '../src/modules/signatures/ocsp-client.ts';
import { answerOcspRequest, type OcspResponderKey } from '../src/modules/signatures/ocsp-responder.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import type { SignatureReport } from '../src/modules/signatures/pades-verify.ts';
import { createWebCryptoSigner, type PdfSigner } from '../src/modules/signatures/pdf-signer.ts';
import type { VerifyPdfAnswer } from '../src/modules/signatures/schemas.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import type { TrustAnchorView } from '../src/modules/signatures/trust-list.ts';
import { tsaSimulator } from '../src/modules/signatures/tsa-simulator.ts';
import { verifyUploadedPdf } from '../src/modules/signatures/verify-uploaded-pdf.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { samplePdf, writeTemp } from './signatures-tools.ts';

// OCSP (RFC 6960, ADR 0026) through the real HTTP layer: a CA whose responder is a small server of
// this test (it can misbehave on demand), the trust list set over the API, and the verdicts of
// POST /api/public/verify-pdf. The demo CA's responder is the app's own /simulators/ocsp, also
// asked by `openssl ocsp` as an independent client.

const DAY = 86_400_000;
type Mode = 'normal' | 'wrongKey' | 'wrongNonce' | 'stale';

let t: TestApp;
let admin: TestClient;
let responderServer: FastifyInstance;
let responderUrl: string;
let mode: Mode = 'normal';
let asked = 0;
const revocations = new Map<string, Date>();
let root: Issued;
let issuing: Issued;
let keys: OcspResponderKey[];
let wrongKeys: OcspResponderKey[];
let official: PdfSigner;
let revokedOfficial: PdfSigner;
let anchor: TrustAnchorView;
let tsaUrl: string;

const serialOf = (signer: PdfSigner) =>
  Buffer.from(
    pkijs.Certificate.fromBER(signer.certificateChain[0]!).serialNumber.valueBlock.valueHexView,
  ).toString('hex');

async function endEntity(commonName: string): Promise<PdfSigner> {
  const issued = await issueCertificate({
    subject: `CN=${commonName}, O=UBND tỉnh Thử Nghiệm, C=VN`,
    issuer: issuing,
    kind: 'ecdsa',
    role: 'signing',
  });
  return createWebCryptoSigner({
    privateKey: issued.keys.privateKey,
    certificateChain: [derOf(issued.certificate), derOf(issuing.certificate), derOf(root.certificate)],
  });
}

const signerOf = (issued: Issued, chain: Issued[]) =>
  createWebCryptoSigner({
    privateKey: issued.keys.privateKey,
    certificateChain: [issued, ...chain].map((item) => derOf(item.certificate)),
  });

/** A request whose nonce is replaced by another: the answer echoes a nonce the client never sent. */
function withOtherNonce(der: Uint8Array): Uint8Array {
  const request = pkijs.OCSPRequest.fromBER(der);
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({
      extnID: OCSP_OID.nonce,
      extnValue: new asn1js.OctetString({ valueHex: new Uint8Array(16).fill(7).buffer }).toBER(),
    }),
  ];
  return new Uint8Array(request.toSchema(true).toBER());
}

async function startResponder(tsaSigner: PdfSigner): Promise<void> {
  responderServer = Fastify();
  await responderServer.register(tsaSimulator, { prefix: '/tsa', signer: async () => tsaSigner });
  responderServer.addContentTypeParser('application/ocsp-request', { parseAs: 'buffer' }, (_r, body, done) =>
    done(null, body),
  );
  responderServer.post('/', async (request, reply) => {
    asked++;
    const body = new Uint8Array(request.body as Buffer);
    const answer = await answerOcspRequest(mode === 'wrongNonce' ? withOtherNonce(body) : body, {
      keys: mode === 'wrongKey' ? wrongKeys : keys,
      stateOf: async (serialHex) => {
        const at = revocations.get(serialHex);
        return at ? { status: 'revoked', at } : { status: 'good' };
      },
      ...(mode === 'stale' ? { now: new Date(Date.now() - DAY) } : {}),
    });
    return reply.header('content-type', 'application/ocsp-response').send(Buffer.from(answer));
  });
  await responderServer.listen({ port: 0, host: '127.0.0.1' });
  responderUrl = `http://127.0.0.1:${(responderServer.server.address() as AddressInfo).port}/`;
}

function upload(path: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new File([bytes], 'item.der'));
  return fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: form,
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as TrustAnchorView,
  }));
}

const configure = (url: string | null, useAia = false) =>
  admin.put<TrustAnchorView & { issues?: { field: string }[] }>(
    `/api/signatures/trust-anchors/${anchor.id}/ocsp`,
    { url, useAia },
  );

/** Through HTTP (rate-limited to 20 a minute per address: used where the transport matters). */
async function verifyOverHttp(pdf: Uint8Array): Promise<SignatureReport> {
  const answer = await t.client().upload<VerifyPdfAnswer>('/api/public/verify-pdf', {
    bytes: pdf,
    name: 'a.pdf',
    type: 'application/pdf',
  });
  expect(answer.status).toBe(200);
  return answer.body.signatures[0] as SignatureReport;
}

/** The same use case the endpoint runs, without the endpoint's rate limit. */
const verify = async (pdf: Uint8Array) => (await verifyUploadedPdf(t.database.db, pdf))[0]!;

const sign = async (signer: PdfSigner, options: { timestamp?: boolean } = {}) =>
  signPdf(await samplePdf(), signer, {
    reason: 'Phê duyệt',
    location: 'Thử Nghiệm',
    name: 'n',
    ...(options.timestamp ? { timestampUrl: tsaUrl } : {}),
  });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signedIn('quantri');
  root = await createRootCa('CN=TinhSo OCSP Test Root, O=TinhSo Test, C=VN');
  issuing = await issueCertificate({
    subject: 'CN=TinhSo OCSP Test Issuing CA, O=TinhSo Test, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'ca',
  });
  const responder = await issueCertificate({
    subject: 'CN=TinhSo OCSP Test Responder, O=TinhSo Test, C=VN',
    issuer: issuing,
    kind: 'ecdsa',
    role: 'ocsp',
  });
  const otherRoot = await createRootCa('CN=Elsewhere Root, O=Elsewhere, C=VN');
  const impostor = await issueCertificate({
    subject: 'CN=TinhSo OCSP Test Responder, O=TinhSo Test, C=VN',
    issuer: otherRoot,
    kind: 'ecdsa',
    role: 'ocsp',
  });
  // The issuing CA's status is answered by the root itself (the issuer signing its own answers).
  keys = [
    { issuer: pkijs.Certificate.fromBER(derOf(issuing.certificate)), signer: signerOf(responder, [issuing]) },
    { issuer: pkijs.Certificate.fromBER(derOf(root.certificate)), signer: signerOf(root, []) },
  ];
  wrongKeys = keys.map((key) => ({ ...key, signer: signerOf(impostor, [otherRoot]) }));
  official = await endEntity('Nguyễn Văn An');
  revokedOfficial = await endEntity('Trần Thị Bình');
  const tsa = await issueCertificate({
    subject: 'CN=TinhSo OCSP Test TSA, O=TinhSo Test, C=VN',
    issuer: issuing,
    kind: 'ecdsa',
    role: 'timestamping',
  });
  await startResponder(signerOf(tsa, [issuing, root]));
  tsaUrl = `${responderUrl}tsa`;
  const added = await upload('/api/signatures/trust-anchors', derOf(root.certificate), {
    name: 'CA thử nghiệm OCSP',
  });
  expect(added.status).toBe(201);
  anchor = added.body;
});
afterAll(async () => {
  await responderServer.close();
  await t.close();
});
beforeEach(() => {
  mode = 'normal';
  clearOcspCache();
});

describe('OCSP configuration of a trusted root', () => {
  it('the administrator sets and clears the responder; bad input names the field; audited; others 403', async () => {
    const set = await configure(responderUrl);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ocspUrl: responderUrl, ocspUseAia: false });
    const bad = await configure('ftp://ocsp.example');
    expect([bad.status, bad.body.issues?.[0]?.field]).toEqual([400, 'url']);
    const missing = await admin.put(`/api/signatures/trust-anchors/${crypto.randomUUID()}/ocsp`, {
      url: null,
      useAia: false,
    });
    expect(missing.status).toBe(404);
    const leader = await t.signedIn('giamdoc');
    expect(
      (await leader.put(`/api/signatures/trust-anchors/${anchor.id}/ocsp`, { url: null, useAia: true }))
        .status,
    ).toBe(403);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'data'])
      .where('type', '=', 'trust_anchor.ocsp_configured')
      .where('entity_id', '=', anchor.id)
      .execute();
    expect(events.map((e) => e.data)).toEqual([
      {
        name: 'CA thử nghiệm OCSP',
        url: responderUrl,
        useAia: false,
        previousUrl: null,
        previousUseAia: false,
      },
    ]);
  });
});

describe('revocation by OCSP (no CRL held yet)', () => {
  it('good: valid, the source is OCSP for the signer and for the issuing CA', async () => {
    await configure(responderUrl);
    const report = await verifyOverHttp(await sign(official));
    expect(report).toMatchObject({
      valid: true,
      trust: 'trusted',
      revocation: 'good',
      revocationSource: 'ocsp',
    });
    expect(report.revocationChecks.map((c) => [c.status, c.source])).toEqual([
      ['good', 'ocsp'],
      ['good', 'ocsp'],
    ]);
  });

  it('a good answer is cached until its nextUpdate: the responder is not asked again', async () => {
    const pdf = await sign(official);
    await verify(pdf);
    const before = asked;
    expect(await verify(pdf)).toMatchObject({ valid: true, revocationSource: 'ocsp' });
    expect(asked).toBe(before);
  });

  it('revoked before the signature (no timestamp): revoked, with the time, never valid', async () => {
    revocations.set(serialOf(revokedOfficial), new Date(Date.now() - 3_600_000));
    const report = await verifyOverHttp(await sign(revokedOfficial));
    expect(report).toMatchObject({ valid: false, revocation: 'revoked', revocationSource: 'ocsp' });
    expect(report.revocationChecks[0]).toMatchObject({ status: 'revoked', source: 'ocsp' });
    expect(report.revocationChecks[0]!.revokedAt).toMatch(/\+07:00$/);
    expect(report.problems.join(' ')).toMatch(/is revoked since .* \(ocsp\)/);
  });

  it('revoked before the trusted timestamp: revoked; revoked after it: valid, the revocation shown', async () => {
    const stampedEarlier = await sign(revokedOfficial, { timestamp: true });
    expect(await verify(stampedEarlier)).toMatchObject({
      valid: false,
      revocation: 'revoked',
      validityTimeSource: 'timestamp',
    });
    const later = await endEntity('Lê Văn Sau');
    const stamped = await sign(later, { timestamp: true });
    revocations.set(serialOf(later), new Date(Date.now() + 1000));
    const report = await verifyOverHttp(stamped);
    expect(report).toMatchObject({
      valid: true,
      revocation: 'good',
      revocationSource: 'ocsp',
      validityTimeSource: 'timestamp',
    });
    expect(report.revocationChecks[0]).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(report.revocationChecks[0]!.revokedAt).not.toBeNull();
  });

  it('the responder down and no CRL: the status could not be established, never valid', async () => {
    await configure('http://127.0.0.1:9/ocsp');
    const report = await verifyOverHttp(await sign(official));
    expect(report).toMatchObject({
      valid: false,
      revocation: 'unknown',
      revocationSource: null,
      integrity: true,
    });
    expect(report.problems.join(' ')).toMatch(/OCSP responder .* not reached.*no current CRL/);
    await configure(responderUrl);
  });

  it.each([
    ['wrongKey', /not signed by CN=TinhSo OCSP Test Issuing CA.* nor by a responder it delegated/],
    ['wrongNonce', /the nonce is not the one we sent/],
    ['stale', /stale: thisUpdate/],
  ] as const)('an answer %s is refused: unknown without a CRL', async (bad, problem) => {
    mode = bad;
    const report = await verify(await sign(official));
    expect(report).toMatchObject({ valid: false, revocation: 'unknown', revocationSource: null });
    expect(report.problems.join(' ')).toMatch(problem);
  });

  it('a root allowing AIA asks the responder its certificates name; without AIA nor URL, CRL only', async () => {
    await configure(null, true);
    const named = await issueCertificate({
      subject: 'CN=Phạm Văn AIA, O=UBND tỉnh Thử Nghiệm, C=VN',
      issuer: issuing,
      kind: 'ecdsa',
      role: 'signing',
      ocspUrl: responderUrl,
    });
    const report = await verify(await sign(signerOf(named, [issuing, root])));
    // The issuing CA's own certificate names no responder: its status stays unknown without a CRL.
    expect(report.revocationChecks.map((c) => [c.status, c.source])).toEqual([
      ['good', 'ocsp'],
      ['unknown', null],
    ]);
    expect(report.valid).toBe(false);
    await configure(null, false);
    expect((await verify(await sign(official))).revocationChecks.map((c) => c.source)).toEqual([null, null]);
    await configure(responderUrl);
  });
});

describe('falling back to the CRLs', () => {
  it('the responder down or its answer refused, a CRL held: the CRL decides, and says so', async () => {
    const crls = await Promise.all([
      createCrl({
        issuer: issuing,
        revoked: [{ serialNumber: serialOf(revokedOfficial), at: new Date(Date.now() - 3_600_000) }],
      }),
      createCrl({ issuer: root }),
    ]);
    for (const crl of crls) expect((await upload('/api/signatures/trust-crls', derOf(crl))).status).toBe(201);
    mode = 'wrongKey';
    const good = await verifyOverHttp(await sign(official));
    expect(good).toMatchObject({ valid: true, revocation: 'good', revocationSource: 'crl' });
    expect(good.problems.join(' ')).toMatch(/OCSP response unusable.*CRL used instead/);
    await configure('http://127.0.0.1:9/ocsp');
    const revoked = await verifyOverHttp(await sign(revokedOfficial));
    expect(revoked).toMatchObject({ valid: false, revocation: 'revoked', revocationSource: 'crl' });
    await configure(responderUrl);
  });
});

describe('the demo CA’s responder at /simulators/ocsp', () => {
  it('answers for the demo seal: good, then revoked once the key is withdrawn; openssl ocsp agrees', async () => {
    await seedDemoSigning(t.database.db, { secret: undefined });
    const agency = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const seal = (await signerForAgencySeal(t.database.db, agency.id))!;
    const pdf = await sign(seal);
    const good = await verifyOverHttp(pdf);
    // The demo root's responder answers for the issuing CA, the issuing CA's for the seal.
    expect(good).toMatchObject({ valid: true, revocationSource: 'ocsp', problems: [] });
    expect(good.revocationChecks.map((c) => c.source)).toEqual(['ocsp', 'ocsp']);

    const pem = (der: Uint8Array, label = 'CERTIFICATE') =>
      `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
    const [leaf, issuer, demoRoot] = seal.certificateChain;
    // Asynchronous: the server answering openssl runs in this very process.
    const ocsp = () =>
      promisify(execFile)(
        'openssl',
        [
          'ocsp',
          '-issuer',
          writeTemp('issuer.pem', pem(issuer!)),
          '-cert',
          writeTemp('seal.pem', pem(leaf!)),
          '-url',
          `${t.baseUrl}/simulators/ocsp`,
          '-CAfile',
          writeTemp('bundle.pem', pem(demoRoot!) + pem(issuer!)),
        ],
        { encoding: 'utf8', timeout: 20_000 },
      );
    const answered = await ocsp();
    expect(`${answered.stdout}${answered.stderr}`).toMatch(/Response verify OK/);
    expect(answered.stdout).toMatch(/seal\.pem: good/);

    const key = await t.database.db
      .selectFrom('signing_key')
      .select('id')
      .where('kind', '=', 'seal')
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect(
      (await admin.post(`/api/signatures/keys/${key.id}/revoke`, { reason: 'Lộ khóa (thử)' })).status,
    ).toBe(200);
    clearOcspCache();
    const revoked = await verify(pdf);
    expect(revoked).toMatchObject({ valid: false, revocation: 'revoked', revocationSource: 'ocsp' });
    expect((await ocsp()).stdout).toMatch(/seal\.pem: revoked/);
  });
});
