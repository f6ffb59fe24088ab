import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static, TSchema } from 'typebox';
import { ApiError, apiGet, withQuery, type Query } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
}

/** Wraps anything thrown into an ApiError, so forms and lists have one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError({ status: 0, code: 'unexpected', message: i18n.t('errors.unexpected') });
}

/**
 * Reads one resource and keeps it fresh: again when the address or the language changes (the server
 * names roles and position types in the language of the request) and on reload(). The previous data
 * stays on screen while the next answer is on its way. A null path reads nothing.
 */
export function useApi<S extends TSchema>(
  schema: S,
  path: string | null,
  query?: Query,
): ApiState<Static<S>> {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  const url = path === null ? null : withQuery(path, query);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{
    data: Static<S> | undefined;
    error: ApiError | undefined;
    isLoading: boolean;
  }>({
    data: undefined,
    error: undefined,
    isLoading: url !== null,
  });

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isLoading: true }));
    void apiGet(schema, url, { signal: controller.signal }).then(
      (data) => {
        setState({ data, error: undefined, isLoading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, error: toApiError(error), isLoading: false }));
      },
    );
    return () => {
      controller.abort();
    };
    // The schema is a module constant; the address, language and version decide what to read.
  }, [url, language, version]);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);
  return { ...state, reload };
}
