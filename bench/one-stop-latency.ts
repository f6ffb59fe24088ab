// Part of bench/one-stop.ts (the one-stop benchmarks; see the comment at its top).
import { performance } from 'node:perf_hooks';
import { rssMiB } from './processes.ts';
import { fmtInt, fmtMs, percentile } from './stats.ts';
import { SAMPLES, ROW_BUDGET_S, log } from './one-stop-config.ts';
import type { Session } from './one-stop-http.ts';
import { getTimed } from './one-stop-http.ts';

// ---------------------------------------------------------------------------------------------
// 3. latency rows

export interface LatencyRow {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  status: string;
  bytes: number;
  rssMiB: number | null;
  peakMiB: number;
  note: string;
}

export async function latencyRow(
  label: string,
  url: string,
  session: Session,
  serverPid: number | undefined,
  samples = SAMPLES,
): Promise<LatencyRow> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  let note = '';
  const t0 = performance.now();
  // the server's peak resident memory while the row runs, sampled every 200 ms
  let peak = rssMiB(serverPid) ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid) ?? 0)), 200);
  // two warm-ups, then samples within the budget
  for (let i = 0; i < samples + 2; i++) {
    let r;
    try {
      r = await getTimed(url, session);
    } catch (error) {
      note = error instanceof Error ? error.message : String(error);
      statuses.set(0, (statuses.get(0) ?? 0) + 1);
      break;
    }
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    if (r.status !== 200) {
      note = r.body.slice(0, 200);
      times.push(r.ms);
      break;
    }
    bytes = r.bytes;
    if (i >= 2 || r.ms > 5_000) times.push(r.ms); // slow requests count from the first one
    if ((performance.now() - t0) / 1000 > ROW_BUDGET_S) break;
  }
  clearInterval(sampler);
  const sorted = [...times].sort((a, b) => a - b);
  const row: LatencyRow = {
    label,
    n: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    status: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '),
    bytes,
    rssMiB: rssMiB(serverPid),
    peakMiB: peak,
    note,
  };
  log(
    `  ${label.padEnd(52)} n=${row.n} p50 ${fmtMs(row.p50)} ms p95 ${fmtMs(row.p95)} ms max ${fmtMs(row.max)} ms ` +
      `[${row.status}] ${fmtInt(bytes / 1024)} KiB, server RSS ${row.rssMiB ?? '?'} MiB (peak ${row.peakMiB})${note ? `  ${note}` : ''}`,
  );
  return row;
}

export const day = (d: Date) => d.toISOString().slice(0, 10);
