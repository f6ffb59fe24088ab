import { describe, expect, it } from 'vitest';
import { authenticatePeer, parsePeers } from '../src/modules/exchange/peers.ts';

// Peers of the exchange (ADR 0021): EXCHANGE_PEERS read strictly, the bearer secret matched to one peer.

const secretB = 'b'.repeat(40);
const secretC = 'c'.repeat(40);

describe('EXCHANGE_PEERS', () => {
  it('reads name, origin and secret, and nothing when unset', () => {
    expect(parsePeers(undefined)).toEqual([]);
    expect(
      parsePeers(JSON.stringify([{ name: 'tinh-b', url: 'https://b.example:8443', secret: secretB }])),
    ).toEqual([{ name: 'tinh-b', url: 'https://b.example:8443', secret: secretB }]);
  });

  it('names what is wrong: not JSON, a bad name, a URL with a path, a short secret', () => {
    expect(() => parsePeers('{')).toThrow(/JSON array/);
    expect(() => parsePeers(JSON.stringify([{ name: 'B', url: 'https://b', secret: secretB }]))).toThrow(
      /\[0\]\.name/,
    );
    expect(() => parsePeers(JSON.stringify([{ name: 'b', url: 'https://b/api', secret: secretB }]))).toThrow(
      /\[0\]\.url/,
    );
    expect(() => parsePeers(JSON.stringify([{ name: 'b', url: 'https://b', secret: 'short' }]))).toThrow(
      /\[0\]\.secret/,
    );
  });
});

describe('authenticatePeer', () => {
  const peers = parsePeers(
    JSON.stringify([
      { name: 'b', url: 'https://b', secret: secretB },
      { name: 'c', url: 'https://c', secret: secretC },
    ]),
  );

  it('finds the peer whose secret the bearer token is', () => {
    expect(authenticatePeer(peers, `Bearer ${secretC}`)?.name).toBe('c');
    expect(authenticatePeer(peers, `Bearer ${secretB}`)?.name).toBe('b');
  });

  it('refuses no header, another scheme, a wrong or truncated secret', () => {
    expect(authenticatePeer(peers, undefined)).toBeNull();
    expect(authenticatePeer(peers, `Basic ${secretB}`)).toBeNull();
    expect(authenticatePeer(peers, `Bearer ${secretB.slice(1)}`)).toBeNull();
    expect(authenticatePeer(peers, 'Bearer ')).toBeNull();
  });
});
