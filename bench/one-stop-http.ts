// Part of bench/one-stop.ts (the one-stop benchmarks; see the comment at its top).
import autocannon, { type Result } from 'autocannon';
import { performance } from 'node:perf_hooks';
import { fmtInt } from './stats.ts';
import { DURATION, CONNECTIONS, WARMUP, PASSWORD, REQUEST_TIMEOUT_MS, log } from './one-stop-config.ts';

// ---------------------------------------------------------------------------------------------
// HTTP helpers

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await res.json()) as { status?: string; session?: { csrfToken: string } };
  if (!res.ok || !body.session)
    throw new Error(`sign-in of ${username}: ${res.status} ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.session.csrfToken };
}

export async function getTimed(
  url: string,
  session: Session | null,
): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    headers: session ? { cookie: session.cookie } : {},
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, bytes: body.length, body };
}

export interface HttpRow {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function cannon(label: string, url: string): Promise<HttpRow> {
  const base = { url, connections: CONNECTIONS, timeout: 30 };
  await autocannon({ ...base, duration: WARMUP });
  const r: Result = await autocannon({ ...base, duration: DURATION });
  const row = {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  log(
    `  ${label.padEnd(40)} ${fmtInt(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms` +
      (row.non2xx + row.errors ? `  (!) ${row.non2xx} non-2xx ${JSON.stringify(r.statusCodeStats)}` : ''),
  );
  return row;
}
