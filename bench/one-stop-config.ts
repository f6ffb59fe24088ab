// Part of bench/one-stop.ts (the one-stop benchmarks; see the comment at its top).

export function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = Number(arg ? arg.slice(name.length + 3) : fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}
export const DOSSIERS = flag('dossiers', 1_000_000);
export const CLIENTS = flag('clients', 8);
export const SUBMIT_SECONDS = flag('seconds', 5);
export const SAMPLES = flag('samples', 50);
export const WITH_PGLITE = process.argv.includes('--pglite');
/** Keep a database already holding at least --dossiers dossiers (a previous run's seed) instead of seeding again. */
export const REUSE_SEEDED = process.argv.includes('--reuse-seeded');
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const WARMUP = 3;
export const PASSWORD = 'TinhSo@2026';
export const LLTP = '2.000488';
export const CEILING_DAY = '2099-12-31';
/** Time budget of one latency row: stop sampling after this many seconds (statistics can be slow). */
export const ROW_BUDGET_S = 90;
export const REQUEST_TIMEOUT_MS = 180_000;

export const log = (line: string) => console.log(line);
