import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import type { ApiError } from '../api/client.ts';
import { getPublicAgencies, provinceNameOf } from '../api/public.ts';
import { toApiError, type ApiState } from './use-api.ts';

export function usePublicAgencies(): ApiState<{ items: Agency[]; total: number }> {
  const { i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: { items: Agency[]; total: number }; error?: ApiError }>({});
  useEffect(() => {
    let isCurrent = true;
    void getPublicAgencies(i18n.language).then(
      (data) => {
        if (isCurrent) setState({ data });
      },
      (error: unknown) => {
        if (isCurrent) setState({ error: toApiError(error) });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [i18n.language, version]);
  return {
    data: state.data,
    error: state.error,
    isLoading: state.data === undefined && state.error === undefined,
    reload: () => {
      setVersion((v) => v + 1);
    },
  };
}

/** The province's name for headers, or null until (or unless) the directory says it. */
export function useProvinceName(): string | null {
  const { data } = usePublicAgencies();
  return data ? provinceNameOf(data.items) : null;
}
