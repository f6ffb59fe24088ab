import type { Transaction } from 'kysely';
import type { IssueNumberBody, OutgoingNumber } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import './audit-events.ts';
import { buildSymbol, formatNumberSymbol, yearInVietnam } from './numbering.ts';
import { toDocumentType, toOutgoingNumber } from './repository.ts';
import { isUniqueViolation, takeNextNumber } from './series.ts';

/**
 * Gives an outgoing document the next number of its agency's series for the year (Vietnam time) and
 * its symbol, in the caller's transaction. A number already issued is refused with 409 naming
 * `number` (the unique constraint is the last word, whatever happened to the series row).
 */
export async function issueNumber(
  tx: Transaction<DB>,
  options: { agencyId: string; body: IssueNumberBody; accountId: string; actor: Actor; now?: Date },
): Promise<OutgoingNumber> {
  const { agencyId, body, accountId, actor } = options;
  const typeRow = await tx
    .selectFrom('document_type')
    .selectAll()
    .where('code', '=', body.typeCode)
    .executeTakeFirst();
  if (!typeRow) throw invalid('typeCode', 'no_such_record');
  const agency = await tx
    .selectFrom('agency')
    .select('abbreviation')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const built = buildSymbol({
    type: toDocumentType(typeRow),
    agencyAbbreviation: agency.abbreviation,
    unitAbbreviation: body.unitAbbreviation,
  });
  if (!built.ok) {
    throw built.field === 'agency'
      ? invalid('agencyId', 'invalid')
      : invalid(built.field, built.reason === 'required' ? 'required' : 'invalid');
  }
  const year = yearInVietnam(options.now ?? new Date());
  const number = await takeNextNumber(tx, { agencyId, register: 'outgoing', year });
  const numberSymbol = formatNumberSymbol(number, built.symbol);
  const row = await tx
    .insertInto('outgoing_number')
    .values({
      agency_id: agencyId,
      year,
      number,
      type_code: typeRow.code,
      symbol: built.symbol,
      number_symbol: numberSymbol,
      summary: body.summary,
      issued_by: accountId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (
        isUniqueViolation(error, 'outgoing_number_once') ||
        isUniqueViolation(error, 'outgoing_number_symbol_once')
      )
        throw conflict('number', 'taken', { numberSymbol });
      throw error;
    });
  await recordEvent(tx, actor, {
    type: 'document.number_issued',
    entityType: 'outgoing_number',
    entityId: row.id,
    agencyId,
    data: { year, number, numberSymbol, typeCode: typeRow.code },
  });
  return toOutgoingNumber(row);
}
