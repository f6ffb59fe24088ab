import type { Transaction } from 'kysely';
import type { DB } from './db-types.ts';

interface Finaliser {
  order: number;
  run: () => Promise<void>;
}

/** The transactions that collect work for their end, with that work by name. */
const finalisers = new WeakMap<Transaction<DB>, Map<string, Finaliser>>();

/**
 * Leaves `run` for the end of `tx`, just before its commit, once per `name` (the first registration
 * wins; it should read state it shares with later callers). Only transactions opened through
 * `collectingAtCommit` collect: elsewhere the call returns false and the caller must do the work
 * itself, at once. Lower `order` runs first.
 */
export function atCommit(
  tx: Transaction<DB>,
  name: string,
  order: number,
  run: () => Promise<void>,
): boolean {
  const queue = finalisers.get(tx);
  if (!queue) return false;
  if (!queue.has(name)) queue.set(name, { order, run });
  return true;
}

/**
 * Runs `work` in `tx`, then `after` with its result, then the work left for the end by `atCommit`, in
 * order. Used for the audit chain: its global lock is then held from the last statement to the commit
 * rather than from the command's first change (ADR 0003).
 */
export async function collectingAtCommit<T>(
  tx: Transaction<DB>,
  work: () => Promise<T>,
  after?: (result: T) => Promise<void>,
): Promise<T> {
  const queue = new Map<string, Finaliser>();
  finalisers.set(tx, queue);
  try {
    const result = await work();
    if (after) await after(result);
    finalisers.delete(tx);
    for (const finaliser of [...queue.values()].sort((a, b) => a.order - b.order)) await finaliser.run();
    return result;
  } finally {
    finalisers.delete(tx);
  }
}
