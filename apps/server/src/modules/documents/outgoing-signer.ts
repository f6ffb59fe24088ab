import type { Transaction } from 'kysely';
import type { OutgoingColleagueList, SigningBlock } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { signingBlockFor, type IssuingAgency, type SignerPost } from './signing-authority.ts';
import './outgoing-tables.ts';

type Reader = Db | Transaction<DB>;

export interface AgencyHeader extends IssuingAgency {
  id: string;
  abbreviation: string | null;
  parentName: string | null;
}

export async function agencyHeader(db: Reader, agencyId: string): Promise<AgencyHeader> {
  const row = await db
    .selectFrom('agency as a')
    .leftJoin('agency as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.kind', 'a.short_name', 'a.name', 'a.abbreviation', 'p.name as parent_name'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    kind: row.kind,
    shortName: row.short_name,
    name: row.name,
    abbreviation: row.abbreviation,
    parentName: row.parent_name,
  };
}

/** The posts an official holds in one agency on a day (appointments running on that day). */
export async function postsOn(
  db: Reader,
  options: { officialId: string; agencyId: string; day: string },
): Promise<SignerPost[]> {
  const rows = await db
    .selectFrom('appointment as ap')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('position_type as t', 't.code', 'p.position_type')
    .select(['p.position_type', 't.name_vi', 'p.title', 'ap.kind'])
    .where('ap.official_id', '=', options.officialId)
    .where('p.agency_id', '=', options.agencyId)
    .where('ap.starts_on', '<=', options.day)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', options.day)]))
    .orderBy('ap.starts_on')
    .execute();
  return rows.map((row) => ({
    positionType: row.position_type,
    typeName: row.name_vi,
    title: row.title,
    kind: row.kind,
  }));
}

/** Whether a recorded authorisation (TUQ.) lets the official sign in the agency on that day. */
export async function isAuthorisedOn(
  db: Reader,
  options: { officialId: string; agencyId: string; day: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('signing_authorisation')
    .select('id')
    .where('grantee_official_id', '=', options.officialId)
    .where('agency_id', '=', options.agencyId)
    .where('starts_on', '<=', options.day)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', options.day)]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The signing block of an official for the agency on a day, from the posts and authorisations of
 * that day; an official who may not sign for the agency is refused naming `field`.
 */
export async function signingBlockOn(
  db: Reader,
  options: { officialId: string; agency: AgencyHeader; day: string; field: string },
): Promise<SigningBlock> {
  const { officialId, agency, day } = options;
  const official = await db
    .selectFrom('official')
    .select('full_name')
    .where('id', '=', officialId)
    .executeTakeFirst();
  if (!official) throw invalid(options.field, 'no_such_record');
  const query = { officialId, agencyId: agency.id, day };
  const [posts, isAuthorised] = await Promise.all([postsOn(db, query), isAuthorisedOn(db, query)]);
  const outcome = signingBlockFor({ agency, posts, isAuthorised, fullName: official.full_name });
  if (!outcome.ok) throw invalid(options.field, 'outgoing.notASigner');
  return outcome.block;
}

/** The officials holding a post in the agency today, with the block each could sign with. */
export async function colleaguesOf(db: Db, agencyId: string): Promise<OutgoingColleagueList> {
  const day = todayInVietnam();
  const agency = await agencyHeader(db, agencyId);
  const rows = await db
    .selectFrom('appointment as ap')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('official as o', 'o.id', 'ap.official_id')
    .select(['o.id', 'o.full_name', 'p.title'])
    .where('p.agency_id', '=', agencyId)
    .where('ap.starts_on', '<=', day)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', day)]))
    .orderBy('o.full_name')
    .execute();
  const items: OutgoingColleagueList['items'] = [];
  for (const row of rows) {
    if (items.some((item) => item.officialId === row.id)) continue;
    const query = { officialId: row.id, agencyId, day };
    const [posts, isAuthorised] = await Promise.all([postsOn(db, query), isAuthorisedOn(db, query)]);
    const outcome = signingBlockFor({ agency, posts, isAuthorised, fullName: row.full_name });
    items.push({
      officialId: row.id,
      name: row.full_name,
      title: row.title,
      signingLines: outcome.ok ? outcome.block.lines : null,
    });
  }
  return { items };
}
