import type { Db } from '../../platform/db.ts';
import { signerForTimestamps } from './key-store.ts';
import type { PdfSigner } from './pdf-signer.ts';

/**
 * Where TinhSo's own signatures get their RFC 3161 timestamp (PAdES B-T, R-SIG-3, ADR 0024): the
 * official's signature, the clerk's seal at issue and the seal on one-stop forms and results. The
 * composition root sets it once: TSA_URL, or with SIMULATORS=true and no TSA_URL the simulator this
 * server mounts at /simulators/tsa. Callers ask `timestampUrlForSigning()` before their transaction
 * and pass the answer to `signPdf`; null means no timestamp (B-B). A TSA that is configured but
 * cannot answer fails the signing (503 naming `timestamp`), it never falls back to B-B.
 */
type TimestampUrlResolver = () => Promise<string | null>;

let resolveUrl: TimestampUrlResolver = () => Promise.resolve(null);

export function configureTimestampAuthority(resolver: TimestampUrlResolver): void {
  resolveUrl = resolver;
}

/** The TSA every signing asks now, or null (signatures without a timestamp). */
export function timestampUrlForSigning(): Promise<string | null> {
  return resolveUrl();
}

/** How long the simulator keeps the TSA key handle before looking in the key store again. */
const SIMULATED_KEY_TTL_MS = 10 * 60_000;

/**
 * The simulated TSA of the demo and the tests: the key store's `tsa` key (seedDemoSigning makes it,
 * chained to the demo root). On the embedded database a transaction holds the one connection, and
 * the seal at issue is signed inside the transaction: the simulator's request handler must
 * not query then. So the key handle is looked up by `url()`, which every caller runs before its
 * transaction, and the handler only reads what `url()` found. Without a `tsa` key (a test app with
 * no demo signing seed) `url()` answers null and signatures are B-B.
 */
export function createSimulatedTimestampAuthority(options: { db: Db; baseUrl: () => string | null }): {
  signer: () => Promise<PdfSigner | null>;
  url: TimestampUrlResolver;
} {
  // Only a key found is kept: a key seeded later (the tests seed after the server starts) is seen.
  let cached: { signer: PdfSigner; at: number } | null = null;
  const refresh = async (): Promise<PdfSigner | null> => {
    if (cached && Date.now() - cached.at < SIMULATED_KEY_TTL_MS) return cached.signer;
    const signer = await signerForTimestamps(options.db);
    cached = signer ? { signer, at: Date.now() } : null;
    return signer;
  };
  return {
    signer: async () => (cached ? cached.signer : refresh()),
    url: async () => {
      const base = options.baseUrl();
      if (!base) return null;
      return (await refresh()) ? base : null;
    },
  };
}
