import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { createRootCa, derOf, issueCertificate } from '../demo-ca.ts';
import { RemoteSigningError, type RemoteSigningClient, type RemoteTransaction } from './remote-client.ts';
import { createRemoteSigner, verifiesWith } from './remote-signer.ts';
import { RemoteWaiters } from './remote-waiters.ts';
import { signDigest } from './simulator-users.ts';

// The pure parts of remote signing: signatures over a digest, the waiters, and the signer's outcomes
// against a scripted provider (an outside service, not our database).

const data = new TextEncoder().encode('the DER of the CMS signed attributes');
const digest = new Uint8Array(createHash('sha256').update(data).digest());

async function rsaIdentity(): Promise<{ certificate: Uint8Array; privateKey: KeyObject }> {
  const root = await createRootCa('CN=Unit Root, C=VN');
  const issued = await issueCertificate({
    subject: 'CN=Unit Signer, C=VN',
    issuer: root,
    kind: 'rsa',
    role: 'signing',
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey));
  return {
    certificate: derOf(issued.certificate),
    privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
  };
}
const identity = await rsaIdentity();

describe('signatures over a digest', () => {
  it('the simulator’s PKCS#1 v1.5 signature of the digest verifies as a signature of the data', () => {
    const signature = signDigest(identity.privateKey, digest);
    expect(
      verifiesWith({ certificate: identity.certificate, algorithm: 'RSASSA-PKCS1-v1_5', data, signature }),
    ).toBe(true);
    const other = new TextEncoder().encode('other attributes');
    expect(
      verifiesWith({
        certificate: identity.certificate,
        algorithm: 'RSASSA-PKCS1-v1_5',
        data: other,
        signature,
      }),
    ).toBe(false);
    expect(
      verifiesWith({
        certificate: identity.certificate,
        algorithm: 'RSASSA-PKCS1-v1_5',
        data,
        signature: signature.subarray(1),
      }),
    ).toBe(false);
    expect(() => signDigest(identity.privateKey, digest.subarray(1))).toThrow(/32 bytes/);
  });

  it('refuses a signature by another key', () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const signature = new Uint8Array(sign('sha256', data, stranger));
    expect(
      verifiesWith({ certificate: identity.certificate, algorithm: 'RSASSA-PKCS1-v1_5', data, signature }),
    ).toBe(false);
  });

  it('accepts an ECDSA signature in DER and in r‖s', async () => {
    const root = await createRootCa('CN=Unit EC Root, C=VN');
    const issued = await issueCertificate({
      subject: 'CN=EC Signer, C=VN',
      issuer: root,
      kind: 'ecdsa',
      role: 'signing',
    });
    const key = createPrivateKey({
      key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey)),
      format: 'der',
      type: 'pkcs8',
    });
    const certificate = derOf(issued.certificate);
    for (const dsaEncoding of ['der', 'ieee-p1363'] as const) {
      const signature = new Uint8Array(sign('sha256', data, { key, dsaEncoding }));
      expect(verifiesWith({ certificate, algorithm: 'ECDSA', data, signature })).toBe(true);
    }
  });
});

describe('the waiters', () => {
  it('refuse an unknown transaction and a bad signature, keep a delivered one, list pending per official', async () => {
    const waiters = new RemoteWaiters();
    const good = signDigest(identity.privateKey, digest);
    const waiter = waiters.add({
      transactionId: 't1',
      officialId: 'o1',
      description: 'Ký văn bản: A',
      startedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      verify: (signature) =>
        verifiesWith({ certificate: identity.certificate, algorithm: 'RSASSA-PKCS1-v1_5', data, signature }),
    });
    expect(waiters.pendingFor('o1').map((item) => item.description)).toEqual(['Ký văn bản: A']);
    expect(waiters.pendingFor('o2')).toEqual([]);
    expect(waiters.deliver('t2', good)).toBe('unknown_transaction');
    expect(waiters.deliver('t1', good.subarray(2))).toBe('bad_signature');
    expect(waiters.deliver('t1', good)).toBe('delivered');
    expect(await waiter.next(10_000)).toEqual(good);
    waiter.remove();
    expect(waiters.pendingFor('o1')).toEqual([]);
    expect(waiters.deliver('t1', good)).toBe('unknown_transaction');
  });
});

/** A provider that answers the status queries from a script, one entry a query (the last repeats). */
function scriptedProvider(script: (RemoteTransaction | 'unreachable')[]): RemoteSigningClient {
  let query = 0;
  return {
    getCredential: () => Promise.reject(new Error('not used')),
    signHash: () => Promise.resolve({ transactionId: 'tx', expiresAt: new Date(Date.now() + 60_000) }),
    getTransaction: () => {
      const next = script[Math.min(query++, script.length - 1)]!;
      return next === 'unreachable'
        ? Promise.reject(new RemoteSigningError('unreachable', 'down'))
        : Promise.resolve(next);
    },
  };
}

function signerOver(client: RemoteSigningClient, timeoutMs = 5000) {
  return createRemoteSigner({
    client,
    waiters: new RemoteWaiters(),
    account: {
      providerUserId: 'u',
      credentialId: 'c',
      algorithm: 'RSASSA-PKCS1-v1_5',
      certificateChain: [identity.certificate],
    },
    officialId: 'o',
    description: 'Ký văn bản: B',
    timeoutMs,
    pollMs: 10,
  });
}

const issueOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  return { code: appError.code, issues: appError.issues };
};

describe('the remote signer', () => {
  const pending: RemoteTransaction = { transactionId: 'tx', status: 'pending' };

  it('waits out a pending request and a provider down for a moment, then returns the verified signature', async () => {
    const signature = signDigest(identity.privateKey, digest);
    const signer = signerOver(
      scriptedProvider([
        pending,
        'unreachable',
        pending,
        { transactionId: 'tx', status: 'confirmed', signature },
      ]),
    );
    expect(await signer.sign(data)).toEqual(signature);
  });

  it('maps refused, expired, a bad signature, a timeout and an unreachable provider to errors naming remoteSigning', async () => {
    expect(
      await issueOf(signerOver(scriptedProvider([{ transactionId: 'tx', status: 'refused' }])).sign(data)),
    ).toMatchObject({
      code: 'unprocessable',
      issues: [{ field: 'remoteSigning', key: 'remoteSigning.refused' }],
    });
    expect(
      await issueOf(signerOver(scriptedProvider([{ transactionId: 'tx', status: 'expired' }])).sign(data)),
    ).toMatchObject({
      code: 'unprocessable',
      issues: [{ key: 'remoteSigning.expired' }],
    });
    const forged = { transactionId: 'tx', status: 'confirmed' as const, signature: new Uint8Array(256) };
    expect(await issueOf(signerOver(scriptedProvider([forged])).sign(data))).toMatchObject({
      code: 'unavailable',
      issues: [{ key: 'remoteSigning.badSignature' }],
    });
    expect(await issueOf(signerOver(scriptedProvider([pending]), 100).sign(data))).toMatchObject({
      code: 'unprocessable',
      issues: [{ key: 'remoteSigning.expired' }],
    });
    const down: RemoteSigningClient = {
      ...scriptedProvider([pending]),
      signHash: () => Promise.reject(new RemoteSigningError('unreachable', 'connection refused')),
    };
    expect(await issueOf(signerOver(down).sign(data))).toMatchObject({
      code: 'unavailable',
      issues: [{ key: 'remoteSigning.unreachable' }],
    });
  });
});
