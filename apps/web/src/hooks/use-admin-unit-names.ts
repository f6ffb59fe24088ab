import { useEffect, useState } from 'react';
import { AdminUnit, LIMITS } from '@tinhso/contracts';
import { apiGet } from '../api/client.ts';
import { AdminUnitList } from '../api/schemas.ts';

function dayBefore(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - 1)).toISOString().slice(0, 10);
}

/**
 * The days on which a unit's neighbours in history were in force: its predecessors the day
 * before it began, its successors the day it ended. One list per such day names most of them.
 */
function historyDays(units: readonly AdminUnit[]): string[] {
  const days = new Set<string>();
  for (const unit of units) {
    if (unit.predecessorIds.length > 0) days.add(dayBefore(unit.effectiveFrom));
    if (unit.successorIds.length > 0 && unit.effectiveTo) days.add(unit.effectiveTo);
  }
  return [...days].sort();
}

async function readNames(ids: readonly string[], days: readonly string[], signal: AbortSignal) {
  const names = new Map<string, string>();
  const lists = await Promise.allSettled(
    days.map((asOf) =>
      apiGet(AdminUnitList, '/api/org/admin-units', { query: { asOf, limit: LIMITS.pageSizeMax }, signal }),
    ),
  );
  for (const list of lists) {
    if (list.status === 'fulfilled') for (const unit of list.value.items) names.set(unit.id, unit.name);
  }
  const rest = ids.filter((id) => !names.has(id));
  const singles = await Promise.allSettled(
    rest.map((id) => apiGet(AdminUnit, `/api/org/admin-units/${encodeURIComponent(id)}`, { signal })),
  );
  singles.forEach((single, index) => {
    const id = rest[index];
    // A unit that cannot be read keeps showing its id rather than being asked for forever.
    if (id !== undefined) names.set(id, single.status === 'fulfilled' ? single.value.name : id);
  });
  return names;
}

/**
 * Names of administrative units by id. Predecessors and successors are usually not in force on
 * the day being looked at, so not in the list on screen: they are looked up in the lists of the
 * days of the mergers, and one by one only if still missing.
 */
export function useAdminUnitNames(known: readonly AdminUnit[]): (id: string) => string {
  const [fetched, setFetched] = useState<ReadonlyMap<string, string>>(new Map());
  const names = new Map<string, string>(fetched);
  for (const unit of known) names.set(unit.id, unit.name);

  const wanted = new Set(known.flatMap((unit) => [...unit.predecessorIds, ...unit.successorIds]));
  const missingKey = [...wanted]
    .filter((id) => !names.has(id))
    .sort()
    .join(',');
  const daysKey = historyDays(known).join(',');

  useEffect(() => {
    if (missingKey === '') return;
    const controller = new AbortController();
    void readNames(missingKey.split(','), daysKey === '' ? [] : daysKey.split(','), controller.signal).then(
      (found) => {
        if (controller.signal.aborted) return;
        setFetched((previous) => new Map([...previous, ...found]));
      },
    );
    return () => {
      controller.abort();
    };
  }, [missingKey, daysKey]);

  return (id) => names.get(id) ?? id;
}
