import { useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { toApiError } from './use-api.ts';

export type Outcome<R> = { ok: true; value: R } | { ok: false };

export interface Action<A extends unknown[], R> {
  isPending: boolean;
  error: ApiError | undefined;
  /** True after a successful run, until the next one starts: the moment to show success feedback. */
  isDone: boolean;
  /** The last successful result, for the success message. */
  result: R | undefined;
  run: (...args: A) => Promise<Outcome<R>>;
  reset: () => void;
}

/** A change the user asked for (a form submission): pending while it runs, then an error or a result. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): Action<A, R> {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<R>();
  const [isDone, setDone] = useState(false);

  const run = async (...args: A): Promise<Outcome<R>> => {
    setPending(true);
    setError(undefined);
    setResult(undefined);
    setDone(false);
    try {
      const value = await action(...args);
      setResult(() => value);
      setDone(true);
      return { ok: true, value };
    } catch (caught) {
      setError(toApiError(caught));
      return { ok: false };
    } finally {
      setPending(false);
    }
  };

  const reset = () => {
    setError(undefined);
    setResult(undefined);
    setDone(false);
  };
  return { isPending, error, isDone, result, run, reset };
}
