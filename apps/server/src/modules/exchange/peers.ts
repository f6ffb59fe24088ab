import { timingSafeEqual, createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Other TinhSo deployments this one exchanges with directly (ADR 0021). Each pair shares one secret,
 * sent as a bearer token over HTTPS in both directions; the receiver also checks the package's
 * XML-DSig against its trust list and that the sender's agency code is routed through that peer.
 */
export interface Peer {
  /** Lower-case name, referenced by the directory (`exchange_directory.peer`). */
  name: string;
  /** Origin of the peer, e.g. https://tinhso.other-province.gov.vn */
  url: string;
  /** The secret shared with that peer, at least 32 characters. */
  secret: string;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Reads EXCHANGE_PEERS (a JSON array of {name, url, secret}); throws naming what is wrong. */
export function parsePeers(text: string | undefined): Peer[] {
  if (text === undefined || text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('EXCHANGE_PEERS: expected a JSON array of {"name","url","secret"}');
  }
  if (!Array.isArray(value)) throw new Error('EXCHANGE_PEERS: expected a JSON array');
  return value.map((item: unknown, index) => {
    const peer = item as Partial<Peer>;
    if (typeof peer.name !== 'string' || !NAME.test(peer.name))
      throw new Error(`EXCHANGE_PEERS[${index}].name: lower-case letters, digits and dashes`);
    if (typeof peer.url !== 'string' || !/^https?:\/\/[^/]+$/.test(peer.url))
      throw new Error(`EXCHANGE_PEERS[${index}].url: an origin such as https://host:port`);
    if (typeof peer.secret !== 'string' || peer.secret.length < 32)
      throw new Error(`EXCHANGE_PEERS[${index}].secret: at least 32 characters`);
    return { name: peer.name, url: peer.url, secret: peer.secret };
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The peer whose secret the bearer token is, compared in constant time; null otherwise. */
export function authenticatePeer(peers: readonly Peer[], authorization: string | undefined): Peer | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const given = digest(token);
  return peers.find((peer) => timingSafeEqual(digest(peer.secret), given)) ?? null;
}

/** POSTs a package or status message to the peer's inbound endpoint; throws unless it answers 2xx. */
export function postToPeer(options: {
  peer: Peer;
  body: Uint8Array;
  /** Extra CA certificates (PEM) trusted for peers, e.g. a private CA or a test certificate. */
  ca?: string;
  timeoutMs?: number;
}): Promise<{ status: number; body: string }> {
  const { peer, body } = options;
  const url = new URL('/api/exchange/inbound', peer.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${peer.secret}`,
          'content-type': 'application/xml; charset=utf-8',
          'content-length': body.byteLength,
        },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ status, body: text });
          else reject(new Error(`peer ${peer.name} answered ${status}: ${text.slice(0, 300)}`));
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`peer ${peer.name} did not answer in time`)));
    request.on('error', reject);
    request.end(body);
  });
}
