import { useEffect, useState } from 'react';
import { AdminUnit } from '@tinhso/contracts';
import { apiGet } from '../api/client.ts';

/**
 * Names of administrative units by id. Predecessors and successors are often not in force on the
 * day being looked at, so not in the list on screen: those are read one by one, once each.
 */
export function useAdminUnitNames(known: readonly AdminUnit[]): (id: string) => string {
  const [fetched, setFetched] = useState<ReadonlyMap<string, string>>(new Map());
  const names = new Map<string, string>(fetched);
  for (const unit of known) names.set(unit.id, unit.name);

  const wanted = [...new Set(known.flatMap((unit) => [...unit.predecessorIds, ...unit.successorIds]))];
  const missingKey = wanted
    .filter((id) => !names.has(id))
    .sort()
    .join(',');

  useEffect(() => {
    if (missingKey === '') return;
    const controller = new AbortController();
    const ids = missingKey.split(',');
    void Promise.allSettled(
      ids.map((id) => apiGet(AdminUnit, `/api/org/admin-units/${encodeURIComponent(id)}`, { signal: controller.signal })),
    ).then((results) => {
      if (controller.signal.aborted) return;
      setFetched((previous) => {
        const next = new Map(previous);
        results.forEach((result, index) => {
          const id = ids[index];
          // A unit that cannot be read keeps showing its id rather than being asked for forever.
          if (id !== undefined) next.set(id, result.status === 'fulfilled' ? result.value.name : id);
        });
        return next;
      });
    });
    return () => {
      controller.abort();
    };
  }, [missingKey]);

  return (id) => names.get(id) ?? id;
}
