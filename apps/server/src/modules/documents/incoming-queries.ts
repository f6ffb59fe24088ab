import { sql } from 'kysely';
import type { IncomingDocument, IncomingList, IncomingQuery } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { incomingTextMatches, SEARCH_COUNT_CAP } from './incoming-search.ts';
import { toIncomingDocument } from './repository.ts';
import './tables.ts';

const DAY_MS = 86_400_000;
/** The first instant of a Vietnam day. */
const startOfVietnamDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** The register's rows of the agencies in reach (none when the scope is empty). */
function registerRows(db: Db, scope: AgencyScope) {
  const rows = db
    .selectFrom('incoming_document as d')
    .innerJoin('document_type as t', 't.code', 'd.type_code');
  if (scope.all) return rows;
  if (scope.agencyIds.length === 0) return rows.where(sql<boolean>`false`);
  return rows.where('d.agency_id', 'in', scope.agencyIds);
}

/**
 * The register of incoming documents of the agencies in reach, latest số đến first. `q` matches the
 * summary, the issuer, the number and symbol or the text of the scan, with or without diacritics
 * ("quyet dinh" finds "Quyết định"); its total stops at SEARCH_COUNT_CAP (`totalCapped`).
 */
export async function listIncoming(db: Db, scope: AgencyScope, query: IncomingQuery): Promise<IncomingList> {
  const text = query.q?.trim();
  const filtered = registerRows(db, scope)
    .$if(query.year !== undefined, (q) => q.where('d.year', '=', query.year!))
    .$if(query.typeCode !== undefined, (q) => q.where('d.type_code', '=', query.typeCode!))
    .$if(query.status !== undefined, (q) => q.where('d.status', '=', query.status!))
    .$if(query.from !== undefined, (q) => q.where('d.received_at', '>=', startOfVietnamDay(query.from!)))
    .$if(query.to !== undefined, (q) =>
      q.where('d.received_at', '<', new Date(startOfVietnamDay(query.to!).getTime() + DAY_MS)),
    )
    .$if(Boolean(text), (q) => q.where(incomingTextMatches(text!)));
  const [rows, count] = await Promise.all([
    filtered
      .selectAll('d')
      .select('t.name_vi as type_name')
      .orderBy('d.year', 'desc')
      .orderBy('d.arrival_number', 'desc')
      .orderBy('d.agency_id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    // A search counts its matches up to the cap: counting every match of a common phrase among a
    // million documents costs more than the page itself. The register alone counts exactly.
    text
      ? db
          .selectFrom(
            filtered
              .select(sql<number>`1`.as('one'))
              .limit(SEARCH_COUNT_CAP + 1)
              .as('m'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map(toIncomingDocument),
    total: Math.min(total, SEARCH_COUNT_CAP),
    ...(total > SEARCH_COUNT_CAP ? { totalCapped: true } : {}),
  };
}

/** One registered document; another agency's, or one that does not exist, is 404 alike. */
export async function getIncoming(db: Db, scope: AgencyScope, id: string): Promise<IncomingDocument> {
  const row = await registerRows(db, scope)
    .selectAll('d')
    .select('t.name_vi as type_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('incoming_document');
  return toIncomingDocument(row);
}
