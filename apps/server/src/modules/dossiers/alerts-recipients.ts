import { sql, type Transaction } from 'kysely';
import type { Permission } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';

/** Who an alert goes to: one account, or whoever holds a permission through a post at an agency. */
export type RecipientRule = { accountId: string } | { agencyId: string; permission: Permission };

export interface Recipient {
  accountId: string;
  /** The official's work address (or the account's), for the e-mail copy. */
  email: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The officials an alert reaches, each once: posts held on `onDay` at exactly the agency (not the
 * province-wide roles above it, which would put every alert of the province in an administrator's
 * inbox), and only accounts that are not disabled.
 */
export async function resolveRecipients(
  tx: Transaction<DB>,
  rules: RecipientRule[],
  onDay: string,
): Promise<Recipient[]> {
  const found = new Map<string, Recipient>();
  const add = (row: { account_id: string | null; email: string | null; account_email: string | null }) => {
    if (!row.account_id || found.has(row.account_id)) return;
    const email = [row.email, row.account_email].find((value) => value && EMAIL.test(value)) ?? null;
    found.set(row.account_id, { accountId: row.account_id, email });
  };
  const accountIds = rules.flatMap((rule) => ('accountId' in rule ? [rule.accountId] : []));
  if (accountIds.length > 0) {
    const rows = await tx
      .selectFrom('account as a')
      .leftJoin('official as o', 'o.account_id', 'a.id')
      .select(['a.id as account_id', 'o.email', 'a.email as account_email'])
      .where('a.id', 'in', accountIds)
      .where('a.kind', '=', 'official')
      .where('a.disabled_at', 'is', null)
      .execute();
    rows.forEach(add);
  }
  for (const rule of rules) {
    if ('accountId' in rule) continue;
    const rows = await tx
      .selectFrom('official as o')
      .innerJoin('account as a', 'a.id', 'o.account_id')
      .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
      .innerJoin('position as p', 'p.id', 'ap.position_id')
      .innerJoin('position_type as pt', 'pt.code', 'p.position_type')
      .innerJoin('role as r', (join) => join.on((eb) => eb('r.code', '=', eb.fn.any('pt.role_codes'))))
      .select(['o.account_id', 'o.email', 'a.email as account_email'])
      .where('p.agency_id', '=', rule.agencyId)
      .where(sql<boolean>`${rule.permission} = any(r.permissions)`)
      .where('ap.starts_on', '<=', onDay)
      .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', onDay)]))
      .where('a.disabled_at', 'is', null)
      .orderBy('o.account_id')
      .execute();
    rows.forEach(add);
  }
  return [...found.values()];
}
