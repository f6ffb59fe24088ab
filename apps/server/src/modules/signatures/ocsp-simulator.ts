import type { FastifyPluginAsync } from 'fastify';
import * as pkijs from 'pkijs';
import type { Db } from '../../platform/db.ts';
import { describeName } from './certificate-checks.ts';
import { signersForOcspResponses } from './key-store.ts';
import {
  answerOcspRequest,
  stateFromCrls,
  type CertificateState,
  type OcspResponderKey,
} from './ocsp-responder.ts';
import './tables.ts';

/**
 * The local OCSP responder over HTTP (RFC 6960 appendix A.1: POST application/ocsp-request, answer
 * application/ocsp-response), mounted under a prefix such as /simulators/ocsp. Production points the
 * trust list at the CAs' real responders; this one answers only for the CAs it holds a key for.
 */
export const ocspSimulator: FastifyPluginAsync<{
  keys: () => Promise<OcspResponderKey[]>;
  stateOf: (serialHex: string, issuer: pkijs.Certificate) => Promise<CertificateState>;
  now?: () => Date;
}> = async (app, options) => {
  app.addContentTypeParser(
    'application/ocsp-request',
    { parseAs: 'buffer', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.post('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const answer = await answerOcspRequest(new Uint8Array(request.body as Buffer), {
      keys: await options.keys(),
      stateOf: options.stateOf,
      ...(options.now ? { now: options.now() } : {}),
    });
    return reply.header('content-type', 'application/ocsp-response').send(Buffer.from(answer));
  });
};

/** How long the simulator keeps the responder key handle before looking in the key store again. */
const KEY_TTL_MS = 10 * 60_000;

/**
 * The demo CA's responder: the key store's `ocsp` keys (seedDemoSigning makes them, delegated
 * responder certificates of the demo root and of the demo issuing CA), answering from the demo CA's revocations: a demo
 * key the administrator revoked is revoked since its revoked_at, and a certificate the CRLs held
 * for that CA list is revoked since the CRL's date; every other serial is good.
 */
export function createDemoOcspResponder(db: Db): {
  keys: () => Promise<OcspResponderKey[]>;
  stateOf: (serialHex: string, issuer: pkijs.Certificate) => Promise<CertificateState>;
} {
  let cached: { keys: OcspResponderKey[]; at: number } | null = null;
  return {
    keys: async () => {
      if (cached && Date.now() - cached.at < KEY_TTL_MS) return cached.keys;
      const keys = (await signersForOcspResponses(db)).flatMap((signer) => {
        const issuerDer = signer.certificateChain[1];
        return issuerDer ? [{ signer, issuer: pkijs.Certificate.fromBER(issuerDer) }] : [];
      });
      cached = keys.length > 0 ? { keys, at: Date.now() } : null;
      return keys;
    },
    stateOf: async (serialHex, issuer) => {
      const withdrawn = await db
        .selectFrom('signing_key')
        .select('revoked_at')
        .where('serial_number', '=', serialHex)
        .where('issuer', '=', describeName(issuer.subject))
        .where('status', '=', 'revoked')
        .executeTakeFirst();
      if (withdrawn?.revoked_at) return { status: 'revoked', at: new Date(withdrawn.revoked_at) };
      const crls = await db
        .selectFrom('trust_crl')
        .select('crl')
        .where('issuer', '=', describeName(issuer.subject))
        .execute();
      return stateFromCrls(
        crls.map((row) => pkijs.CertificateRevocationList.fromBER(new Uint8Array(row.crl))),
        serialHex,
        issuer,
      );
    },
  };
}
