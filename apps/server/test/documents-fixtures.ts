import type { TestApp } from './harness.ts';

export interface ErrorBody {
  code: string;
  message: string;
  issues?: { field: string; message: string }[];
}

/** A demo clerk (văn thư) other than 'vanthu', at another agency: username and agency id. */
export async function otherClerk(t: TestApp, notAgencyId: string) {
  return t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['a.username', 'p.agency_id as agencyId'])
    .where('p.position_type', '=', 'van_thu')
    .where('p.agency_id', '<>', notAgencyId)
    .where('ap.ends_on', 'is', null)
    .orderBy('a.username')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** The fields named by a 400 answer. */
export const fieldsOf = (body: ErrorBody) => (body.issues ?? []).map((issue) => issue.field).sort();
