import { sql } from 'kysely';
import { systemActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import './incoming-tables.ts';
import { assigneeAccounts, notifyOfficials } from './incoming-notify.ts';

const ACTOR = systemActor('Nhắc việc văn bản đến tự động');

export interface IncomingReminderReport {
  sent: { assignmentId: string; documentId: string; kind: 'due_soon' | 'overdue'; recipients: number }[];
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Reminds the lead and the co-operators of open documents: once when the deadline is within
 * document.dueSoonDays days, once when it has passed (the day after). Each reminder is one
 * transaction: its row in incoming_reminder (whose key makes a second scan, or a second server,
 * send nothing), the in-app notifications and an audit event. A changed deadline is reminded again.
 */
export async function scanIncomingReminders(
  db: Db,
  options: { now?: Date } = {},
): Promise<IncomingReminderReport> {
  const today = todayInVietnam(options.now ?? new Date());
  const dueSoonDays = await getSetting(db, 'document.dueSoonDays', today);
  const due = await db
    .selectFrom('incoming_assignment as s')
    .innerJoin('incoming_document as d', 'd.id', 's.document_id')
    .leftJoin('incoming_reminder as r', (join) =>
      join
        .onRef('r.assignment_id', '=', 's.id')
        .onRef('r.due_on', '=', 's.due_on')
        .on(
          'r.kind',
          '=',
          sql<'due_soon' | 'overdue'>`case when s.due_on < ${today} then 'overdue' else 'due_soon' end`,
        ),
    )
    .select([
      's.id',
      's.document_id',
      's.account_id',
      's.org_unit_id',
      's.due_on',
      'd.agency_id',
      'd.arrival_number',
      'd.number_symbol',
      'd.summary',
    ])
    .where('d.status', 'in', ['assigned', 'in_progress'])
    .where('s.role', 'in', ['lead', 'cooperate'])
    .where('s.due_on', 'is not', null)
    .where('s.due_on', '<=', addDays(today, dueSoonDays))
    .where('r.assignment_id', 'is', null)
    .orderBy('s.due_on')
    .limit(500)
    .execute();
  const sent: IncomingReminderReport['sent'] = [];
  for (const row of due) {
    const kind = row.due_on! < today ? ('overdue' as const) : ('due_soon' as const);
    const recipients = await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('incoming_reminder')
        .values({ assignment_id: row.id, kind, due_on: row.due_on!, recipients: 0 })
        .onConflict((conflict) => conflict.columns(['assignment_id', 'kind', 'due_on']).doNothing())
        .returning('assignment_id')
        .executeTakeFirst();
      if (!inserted) return null;
      const count = await notifyOfficials(tx, {
        accountIds: await assigneeAccounts(tx, row),
        template: kind === 'overdue' ? 'document.incoming.overdue' : 'document.incoming.due_soon',
        documentId: row.document_id,
        params: {
          arrival: String(row.arrival_number),
          numberSymbol: row.number_symbol,
          summary: row.summary,
          dueOn: row.due_on!,
        },
      });
      await tx
        .updateTable('incoming_reminder')
        .set({ recipients: count })
        .where('assignment_id', '=', row.id)
        .where('kind', '=', kind)
        .where('due_on', '=', row.due_on!)
        .execute();
      await recordEvent(tx, ACTOR, {
        type: 'document.incoming_reminded',
        entityType: 'incoming_document',
        entityId: row.document_id,
        agencyId: row.agency_id,
        data: { assignmentId: row.id, kind, dueOn: row.due_on!, recipients: count },
      });
      return count;
    });
    if (recipients !== null)
      sent.push({ assignmentId: row.id, documentId: row.document_id, kind, recipients });
  }
  return { sent };
}
