import { sql, type Transaction } from 'kysely';
import type { DocumentUrgency } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { notify } from '../notifications/notify.ts';
import type { TemplateCode } from '../notifications/templates.ts';

export const URGENCY_VI: Record<DocumentUrgency, string> = {
  thuong: 'Thường',
  khan: 'KHẨN',
  thuong_khan: 'THƯỢNG KHẨN',
  hoa_toc: 'HỎA TỐC',
};

/** The accounts that hold a post today in a unit and the permission (document.handle by default). */
export async function unitMembers(
  tx: Transaction<DB>,
  orgUnitId: string,
  permission = 'document.handle',
): Promise<string[]> {
  const today = todayInVietnam();
  const rows = await tx
    .selectFrom('official as o')
    .innerJoin('account as a', 'a.id', 'o.account_id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('position_type as pt', 'pt.code', 'p.position_type')
    .select('a.id')
    .distinct()
    .where('p.org_unit_id', '=', orgUnitId)
    .where('a.disabled_at', 'is', null)
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .where(
      sql<boolean>`exists (select 1 from role r where r.code = any(pt.role_codes) and ${permission} = any(r.permissions))`,
    )
    .execute();
  return rows.map((row) => row.id);
}

/** The officials an assignment reaches: the one named, else the members of the unit. */
export async function assigneeAccounts(
  tx: Transaction<DB>,
  assignment: { account_id: string | null; org_unit_id: string | null },
): Promise<string[]> {
  if (assignment.account_id) return [assignment.account_id];
  return assignment.org_unit_id ? unitMembers(tx, assignment.org_unit_id) : [];
}

/** In-app notifications (the workspace's inbox) about one incoming document, one per account. */
export async function notifyOfficials(
  tx: Transaction<DB>,
  options: {
    accountIds: string[];
    template: TemplateCode;
    params: Record<string, string>;
    documentId: string;
  },
): Promise<number> {
  const accountIds = [...new Set(options.accountIds)];
  for (const accountId of accountIds) {
    await notify(tx, {
      accountId,
      language: 'vi',
      template: options.template,
      params: options.params,
      entity: { kind: 'incoming_document', id: options.documentId },
    });
  }
  return accountIds.length;
}

/**
 * Who must hear that the issuer recalled or corrected a registered document: the clerk who
 * registered it, the leader it was submitted to, and every assignee (an official, or a unit's
 * members). The issuer's own change reaches them in the workspace's inbox (ADR 0023, 0027).
 */
export async function notifyIssuerChange(
  tx: Transaction<DB>,
  options: {
    documentId: string;
    template: 'document.incoming.recalled' | 'document.incoming.updated';
    params: { reason: string; changes?: string };
  },
): Promise<number> {
  const document = await tx
    .selectFrom('incoming_document')
    .select(['arrival_number', 'number_symbol', 'issuer_name', 'registered_by', 'submitted_to'])
    .where('id', '=', options.documentId)
    .executeTakeFirstOrThrow();
  const assignments = await tx
    .selectFrom('incoming_assignment')
    .select(['account_id', 'org_unit_id'])
    .where('document_id', '=', options.documentId)
    .execute();
  const assignees: string[] = [];
  for (const assignment of assignments) assignees.push(...(await assigneeAccounts(tx, assignment)));
  return notifyOfficials(tx, {
    accountIds: [
      document.registered_by,
      ...(document.submitted_to ? [document.submitted_to] : []),
      ...assignees,
    ],
    template: options.template,
    params: {
      arrival: String(document.arrival_number),
      numberSymbol: document.number_symbol,
      issuer: document.issuer_name,
      reason: options.params.reason,
      ...(options.params.changes !== undefined ? { changes: options.params.changes } : {}),
    },
    documentId: options.documentId,
  });
}
