/**
 * Giấy ủy quyền (TUQ.): the head of an agency lets one of its officials sign "TUQ. GIÁM ĐỐC" for a
 * period (NĐ 30/2020 Art 13.4). The signing block reads these rows on the day of signing
 * (outgoing-signer.ts `isAuthorisedOn`); a period is [startsOn, endsOn), open when endsOn is null.
 */
import type { Transaction } from 'kysely';
import type {
  SigningAuthorisation,
  SigningAuthorisationBody,
  SigningAuthorisationList,
} from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyHeader, colleaguesOf, postsOn } from './outgoing-signer.ts';
import type { SigningAuthorisationTable } from './outgoing-tables.ts';
import { signingBlockFor } from './signing-authority.ts';

declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'outgoing.authorisation_ended': {
      entity: 'signing_authorisation';
      data: { granteeId: string; startsOn: string; endsOn: string | null; withdrawn: boolean };
    };
  }
}

type Row = Pick<
  SigningAuthorisationTable,
  'agency_id' | 'grantor_official_id' | 'grantee_official_id' | 'note'
> & { id: string; starts_on: string; ends_on: string | null };

const toView = (row: Row): SigningAuthorisation => ({
  id: row.id,
  agencyId: row.agency_id,
  grantorId: row.grantor_official_id,
  granteeId: row.grantee_official_id,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
});

const COLUMNS = [
  'id',
  'agency_id',
  'grantor_official_id',
  'grantee_official_id',
  'starts_on',
  'ends_on',
  'note',
] as const;

/** Only the head of the agency, or its acting head, on that day: whose title follows "TUQ.". */
async function assertHeadOf(tx: Transaction<DB>, officialId: string | null, agencyId: string, day: string) {
  const posts = officialId === null ? [] : await postsOn(tx, { officialId, agencyId, day });
  const outcome = signingBlockFor({
    agency: await agencyHeader(tx, agencyId),
    posts,
    isAuthorised: false,
    fullName: '',
  });
  if (!outcome.ok || (outcome.block.authority !== 'head' && outcome.block.authority !== 'acting')) {
    throw new AppError('forbidden', {
      detail: 'only the head of the agency authorises TUQ.',
      issues: [{ field: 'granteeId', key: 'outgoing.notTheHead' }],
    });
  }
  return officialId!;
}

/** The head authorises an official of the agency; 403 for anyone else, 400 naming the field. */
export async function grantAuthorisation(
  tx: Transaction<DB>,
  options: {
    agencyId: string;
    officialId: string | null;
    actor: Actor;
    accountId: string;
    body: SigningAuthorisationBody;
  },
): Promise<SigningAuthorisation> {
  const { agencyId, body } = options;
  const today = todayInVietnam();
  const grantor = await assertHeadOf(tx, options.officialId, agencyId, today);
  if (body.granteeId === grantor) throw invalid('granteeId', 'outgoing.notYourself');
  if (body.startsOn < today) throw invalid('startsOn', 'document.dueBeforeToday');
  if (body.endsOn !== undefined && body.endsOn <= body.startsOn)
    throw invalid('endsOn', 'outgoing.endsAfterStart', { date: body.startsOn });
  const posts = await postsOn(tx, { officialId: body.granteeId, agencyId, day: body.startsOn });
  if (posts.length === 0) throw invalid('granteeId', 'outgoing.notInAgency');
  const row = await tx
    .insertInto('signing_authorisation')
    .values({
      agency_id: agencyId,
      grantor_official_id: grantor,
      grantee_official_id: body.granteeId,
      starts_on: body.startsOn,
      ends_on: body.endsOn ?? null,
      note: body.note ?? null,
      created_by: options.accountId,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, options.actor, {
    type: 'outgoing.authorisation_granted',
    entityType: 'signing_authorisation',
    entityId: row.id,
    agencyId,
    data: { granteeId: row.grantee_official_id, startsOn: row.starts_on, endsOn: row.ends_on },
  });
  return toView(row);
}

/**
 * The head ends an authorisation today: it no longer lets its holder sign from today on. One that
 * starts today or later is withdrawn (its row removed, the audit record kept: a period must not be
 * empty). 409 once ended.
 */
export async function endAuthorisation(
  tx: Transaction<DB>,
  options: { id: string; agencyId: string; officialId: string | null; actor: Actor },
): Promise<SigningAuthorisation> {
  const today = todayInVietnam();
  const row = await tx
    .selectFrom('signing_authorisation')
    .select(COLUMNS)
    .where('id', '=', options.id)
    .where('agency_id', '=', options.agencyId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('signing_authorisation');
  await assertHeadOf(tx, options.officialId, options.agencyId, today);
  if (row.ends_on !== null && row.ends_on <= today) throw conflict('id', 'outgoing.authorisationEnded');
  const withdrawn = row.starts_on >= today;
  if (withdrawn) await tx.deleteFrom('signing_authorisation').where('id', '=', row.id).execute();
  else
    await tx.updateTable('signing_authorisation').set({ ends_on: today }).where('id', '=', row.id).execute();
  const ended = { ...row, ends_on: withdrawn ? row.starts_on : today };
  await recordEvent(tx, options.actor, {
    type: 'outgoing.authorisation_ended',
    entityType: 'signing_authorisation',
    entityId: row.id,
    agencyId: options.agencyId,
    data: { granteeId: row.grantee_official_id, startsOn: row.starts_on, endsOn: ended.ends_on, withdrawn },
  });
  return toView(ended);
}

/** The authorisations of the agency, current and future first, with the ended ones after. */
export async function listAuthorisations(db: Db, agencyId: string): Promise<SigningAuthorisationList> {
  const today = todayInVietnam();
  const rows = await db
    .selectFrom('signing_authorisation as s')
    .innerJoin('official as o', 'o.id', 's.grantee_official_id')
    .select([
      's.id',
      's.agency_id',
      's.grantor_official_id',
      's.grantee_official_id',
      's.starts_on',
      's.ends_on',
      's.note',
      'o.full_name',
    ])
    .where('s.agency_id', '=', agencyId)
    .orderBy('s.starts_on', 'desc')
    .execute();
  const colleagues = await colleaguesOf(db, agencyId);
  return {
    items: rows.map((row) => ({
      ...toView(row),
      granteeName: row.full_name,
      current: row.starts_on <= today && (row.ends_on === null || row.ends_on > today),
    })),
    officials: colleagues.items.map(({ officialId, name, title }) => ({ officialId, name, title })),
  };
}
