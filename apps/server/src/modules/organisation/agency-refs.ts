import { LRUCache } from 'lru-cache';
import type { AgencyKind } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';

/** What other modules check about an agency: its code (mã định danh) and its kind. */
export interface AgencyRef {
  id: string;
  code: string;
  kind: AgencyKind;
}

// Read on every dossier filed or received; kept a minute. Renames and merges forget them on this
// copy at once, other copies follow within the minute (like settings). Misses are not kept.
const byId = new LRUCache<string, AgencyRef>({ max: 5_000, ttl: 60_000 });
const byCode = new LRUCache<string, AgencyRef>({ max: 5_000, ttl: 60_000 });

export function forgetAgencyRefs(): void {
  byId.clear();
  byCode.clear();
}

function keep(ref: AgencyRef | undefined): AgencyRef | undefined {
  if (ref) {
    byId.set(ref.id, ref);
    byCode.set(ref.code, ref);
  }
  return ref;
}

export async function agencyRef(db: Db, id: string): Promise<AgencyRef | undefined> {
  return (
    byId.get(id) ??
    keep(await db.selectFrom('agency').select(['id', 'code', 'kind']).where('id', '=', id).executeTakeFirst())
  );
}

export async function agencyRefByCode(db: Db, code: string): Promise<AgencyRef | undefined> {
  return (
    byCode.get(code) ??
    keep(
      await db
        .selectFrom('agency')
        .select(['id', 'code', 'kind'])
        .where('code', '=', code)
        .executeTakeFirst(),
    )
  );
}
