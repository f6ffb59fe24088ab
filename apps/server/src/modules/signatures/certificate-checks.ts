import * as pkijs from 'pkijs';

/** How a signer's certificate chains to the trust list. */
export type TrustStatus = 'trusted' | 'untrusted' | 'expired';
/** What the CRLs given say of every certificate of the chain below the anchor. */
export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface ChainResult {
  trust: TrustStatus;
  /** Signer first, anchor last; empty when no path to an anchor was found. */
  path: pkijs.Certificate[];
  problem: string | null;
}

const failureMessage = (error: unknown): string =>
  (error as { resultMessage?: string }).resultMessage ?? (error as Error).message ?? String(error);

async function validateAt(
  signer: pkijs.Certificate,
  others: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  at: Date,
): Promise<{ path: pkijs.Certificate[] | null; problem: string | null }> {
  // The engine takes the last certificate of `certs` as the one to validate.
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors,
    certs: [...others, signer],
    checkDate: at,
  });
  try {
    const result = await engine.verify();
    if (result.result) return { path: result.certificatePath ?? [], problem: null };
    return { path: null, problem: result.resultMessage };
  } catch (error) {
    return { path: null, problem: failureMessage(error) };
  }
}

/**
 * The chain of `signer` to one of `anchors`, at `now` (the validity time: a trusted timestamp's
 * time, or the time of the check). A chain that holds at the claimed signing time but not at `now`
 * is `expired`: without a trusted timestamp the claimed time proves nothing, so it is reported,
 * never accepted; callers with a trusted timestamp pass no claimed time.
 */
export async function checkChain(options: {
  signer: pkijs.Certificate;
  others: pkijs.Certificate[];
  anchors: pkijs.Certificate[];
  now: Date;
  claimedSigningTime: Date | null;
}): Promise<ChainResult> {
  const { signer, others, anchors, now, claimedSigningTime } = options;
  if (anchors.length === 0) return { trust: 'untrusted', path: [], problem: 'no trust anchor configured' };
  const current = await validateAt(signer, others, anchors, now);
  if (current.path) return { trust: 'trusted', path: current.path, problem: null };
  if (claimedSigningTime && claimedSigningTime < now) {
    const then = await validateAt(signer, others, anchors, claimedSigningTime);
    if (then.path) return { trust: 'expired', path: then.path, problem: current.problem };
  }
  return { trust: 'untrusted', path: [], problem: current.problem };
}

/** Where a certificate's revocation status came from. */
export type RevocationSource = 'ocsp' | 'crl';

/** The revocation status of one certificate of the chain (below the anchor). */
export interface CertificateRevocation {
  subject: string;
  serialNumber: string;
  status: RevocationStatus;
  source: RevocationSource | null;
  /** When its CA says it was revoked, even after the validity time (then `status` stays good). */
  revokedAt: Date | null;
}

/** What an OCSP responder said of one certificate (ocsp-client.ts gives it). */
export type OcspStatus =
  { status: 'good' } | { status: 'revoked'; revokedAt: Date } | { status: 'unusable'; problem: string };

/** OCSP where configured: the responder of a certificate (null: none), and the question. */
export interface OcspLookup {
  urlFor(chain: {
    certificate: pkijs.Certificate;
    issuer: pkijs.Certificate;
    anchor: pkijs.Certificate;
  }): string | null;
  ask(question: {
    url: string;
    certificate: pkijs.Certificate;
    issuer: pkijs.Certificate;
    now: Date;
  }): Promise<OcspStatus>;
}

/**
 * Revocation of each certificate of `path` below its anchor: by OCSP where `ocsp` names a responder
 * for it, else (or when the responder is down or its answer unusable) by CRLs signed by its issuer
 * and current at `now`. A certificate counts as revoked when its revocation date is at or before
 * `validityTime` (now by default; a trusted timestamp's time: a key revoked after a proven signing
 * time did not make that signature invalid, RFC 5280 §6.1 applied at the time of the timestamp).
 * One revoked certificate makes the whole `revoked`; one whose status no source gave, `unknown`.
 */
export async function checkRevocation(options: {
  path: pkijs.Certificate[];
  crls: pkijs.CertificateRevocationList[];
  now: Date;
  validityTime?: Date;
  ocsp?: OcspLookup;
}): Promise<{ revocation: RevocationStatus; problem: string | null; checks: CertificateRevocation[] }> {
  const { path, crls, now } = options;
  const validityTime = options.validityTime ?? now;
  if (path.length < 2) return { revocation: 'unknown', problem: 'no chain to check', checks: [] };
  const anchor = path[path.length - 1]!;
  const checks: CertificateRevocation[] = [];
  const problems: string[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    const certificate = path[i]!;
    const issuer = path[i + 1]!;
    const check = { subject: describeName(certificate.subject), serialNumber: serialHex(certificate) };
    const url = options.ocsp?.urlFor({ certificate, issuer, anchor }) ?? null;
    const answer = url ? await options.ocsp!.ask({ url, certificate, issuer, now }) : null;
    let revokedAt: Date | null = null;
    let source: RevocationSource;
    if (answer && answer.status !== 'unusable') {
      source = 'ocsp';
      if (answer.status === 'revoked') revokedAt = answer.revokedAt;
    } else {
      if (answer) problems.push(`${answer.problem}; CRL used instead`);
      const crl = await findCurrentCrl(crls, issuer, now);
      if (!crl) {
        problems.push(`no current CRL from ${describeName(issuer.subject)}`);
        checks.push({ ...check, status: 'unknown', source: null, revokedAt: null });
        continue;
      }
      source = 'crl';
      const entry = crl.revokedCertificates?.find((revoked) =>
        revoked.userCertificate.isEqual(certificate.serialNumber),
      );
      revokedAt = entry?.revocationDate.value ?? null;
    }
    const isRevoked = revokedAt !== null && revokedAt <= validityTime;
    if (isRevoked)
      problems.unshift(
        `certificate ${check.serialNumber} is revoked since ${revokedAt!.toISOString()} (${source})`,
      );
    checks.push({ ...check, status: isRevoked ? 'revoked' : 'good', source, revokedAt });
  }
  const revocation = checks.some((c) => c.status === 'revoked')
    ? 'revoked'
    : checks.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'good';
  return { revocation, problem: problems.length > 0 ? problems.join('; ') : null, checks };
}

async function findCurrentCrl(
  crls: pkijs.CertificateRevocationList[],
  issuer: pkijs.Certificate,
  now: Date,
): Promise<pkijs.CertificateRevocationList | null> {
  for (const crl of crls) {
    if (!crl.issuer.isEqual(issuer.subject)) continue;
    if (crl.thisUpdate.value > now || (crl.nextUpdate && crl.nextUpdate.value < now)) continue;
    if (await crl.verify({ issuerCertificate: issuer }).catch(() => false)) return crl;
  }
  return null;
}

export const serialHex = (certificate: pkijs.Certificate): string =>
  Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex');

const NAME_TYPES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** One attribute of a distinguished name, e.g. the CN; null when absent. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: 'CN' | 'O'): string | null {
  const found = name.typesAndValues.find((tv) => NAME_TYPES[tv.type] === type);
  return found ? String(found.value.valueBlock.value) : null;
}

/** A distinguished name as "CN=…, O=…, C=VN", in the order of its encoding. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${NAME_TYPES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}
