import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db.ts';
import {
  agencyCode,
  clerkOf,
  preparePair,
  queueLetters,
  signIn,
  startServer,
  VP_UBND,
  type Pair,
} from './exchange-servers.ts';

// The two-server exchange (issue 4 item 3): two TinhSo processes with their own databases, peers over
// HTTPS, exchange documents both ways; the receiver is killed with SIGKILL in the middle of a stream
// of N documents and restarted: every document arrives exactly once, with its statuses.

const N = 20;
const BACK = 3;
let pair: Pair;
let a: ChildProcess | undefined;
let b: ChildProcess | undefined;
let aToB: string[] = [];
let bToA: string[] = [];
let clerkA = '';
let clerkB = '';

interface Outbound {
  items: {
    documentId: string;
    recipients: { sentAt: string | null; statusCode: string | null; history: { code: string }[] }[];
  }[];
}
interface Inbox {
  items: { id: string; documentId: string; senderCode: string }[];
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  pair = await preparePair(async ({ a: databaseA, b: databaseB }: { a: Database; b: Database }) => {
    aToB = await queueLetters(databaseA, { from: 'a', to: 'b', first: 101, count: N });
    bToA = await queueLetters(databaseB, { from: 'b', to: 'a', first: 201, count: BACK });
    clerkA = await clerkOf(databaseA, agencyCode('a', VP_UBND));
    clerkB = await clerkOf(databaseB, agencyCode('b', VP_UBND));
  });
}, 120_000);

afterAll(async () => {
  a?.kill('SIGKILL');
  b?.kill('SIGKILL');
  await pair?.cleanup();
});

describe('two TinhSo servers', () => {
  it('exchange both ways; the receiver killed mid-stream gets every document exactly once, with its statuses', async () => {
    const started = Date.now();
    [b, a] = await Promise.all([startServer(pair.b, pair.cert), startServer(pair.a, pair.cert)]);
    const senderA = await signIn(pair.a, pair.cert, 'vanthu');
    const sentCount = async () => {
      const answer = await senderA.get('/api/exchange/outbound');
      const items = (answer.body as Outbound).items.filter((item) => aToB.includes(item.documentId));
      return items.filter((item) => item.recipients[0]?.sentAt).length;
    };
    // Kill the receiver once a few have gone, while the rest are in flight or waiting.
    await waitFor('the first deliveries', async () => (await sentCount()) >= 3, 30_000);
    b.kill('SIGKILL');
    await new Promise((resolve) => b?.once('exit', resolve));
    const atKill = await sentCount();
    expect(atKill).toBeLessThan(N);
    b = await startServer(pair.b, pair.cert);

    // Every document of the stream reaches b once and its 01 comes back to a, once.
    const outbound = await waitFor(
      'status 01 for all',
      async () => {
        const answer = (await senderA.get('/api/exchange/outbound')).body as Outbound;
        const mine = answer.items.filter((item) => aToB.includes(item.documentId));
        return mine.length === N && mine.every((item) => item.recipients[0]?.statusCode) ? mine : null;
      },
      // A restarted PGlite server takes 10–15 s here; the outbox retries after 5–10 s, then 10–20 s.
      90_000,
    );
    for (const item of outbound)
      expect(item.recipients[0]?.history.map((entry) => entry.code)).toEqual(['01']);
    const receiverB = await signIn(pair.b, pair.cert, clerkB);
    const inboxB = (await receiverB.get('/api/exchange/inbox')).body as Inbox;
    const received = inboxB.items.filter((item) => aToB.includes(item.documentId));
    expect(received.map((item) => item.documentId).sort()).toEqual([...aToB].sort());

    // The other way: b's letters reached a, those b had claimed when killed after their lease.
    const receiverA = await signIn(pair.a, pair.cert, clerkA);
    const inboxA = await waitFor(
      'b’s letters at a',
      async () => {
        const items = ((await receiverA.get('/api/exchange/inbox')).body as Inbox).items;
        const fromB = items.filter((item) => bToA.includes(item.documentId));
        return fromB.length === BACK ? fromB : null;
      },
      60_000,
    );
    expect(inboxA.every((item) => item.senderCode === agencyCode('b', 5))).toBe(true);

    // Statuses keep flowing after the restart: b registers one, a sees 03.
    const first = received.find((item) => item.documentId === aToB[0]);
    const registered = await receiverB.post(`/api/exchange/inbox/${first?.id}/register`, {});
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    await waitFor(
      'status 03 at a',
      async () => {
        const answer = (await senderA.get('/api/exchange/outbound')).body as Outbound;
        return answer.items.find((item) => item.documentId === aToB[0])?.recipients[0]?.statusCode === '03';
      },
      20_000,
    );
    console.log(
      `two servers: ${N} documents a→b (receiver killed after ${atKill}) and ${BACK} b→a in ${Date.now() - started} ms`,
    );
  }, 180_000);
});
