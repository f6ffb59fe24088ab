import type { Transaction } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import './tables.ts';

/**
 * Which channels beyond the portal inbox a person wants their dossier notices on. The inbox is
 * always written; e-mail and SMS are on until the person says otherwise (what the one-stop process
 * did before anyone could choose); Zalo only when chosen, since ZNS needs the number used on Zalo.
 */
export const CHOOSABLE_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type ChoosableChannel = (typeof CHOOSABLE_CHANNELS)[number];
export const DEFAULT_CHANNELS: readonly ChoosableChannel[] = ['email', 'sms'];

const Phone = Type.String({ pattern: '^(0|84)[0-9]{9}$', description: 'A mobile number, 0xxxxxxxxx' });

// Belongs in packages/contracts/src/notifications.ts with the inbox's schemas, once that file is added.
export const ChannelPreferences = Type.Object(
  {
    channels: Type.Array(Type.Enum(CHOOSABLE_CHANNELS), {
      uniqueItems: true,
      maxItems: 3,
      description: 'Where dossier notices go besides the portal inbox',
    }),
    zaloPhone: Type.Union([Phone, Type.Null()], {
      description: 'The number used on Zalo, when not the phone on the account or the dossier',
    }),
  },
  { additionalProperties: false },
);
export type ChannelPreferences = Static<typeof ChannelPreferences>;

export const ChannelPreferencesAnswer = Type.Object({
  channels: ChannelPreferences.properties.channels,
  zaloPhone: ChannelPreferences.properties.zaloPhone,
  /** The account's own phone, which Zalo uses when no other number is given. */
  accountPhone: Type.Union([Type.String(), Type.Null()]),
  isDefault: Type.Boolean({ description: 'Nothing chosen yet: e-mail and SMS' }),
});
export type ChannelPreferencesAnswer = Static<typeof ChannelPreferencesAnswer>;

type Reader = Db | Transaction<DB>;

/** The person's choice, or the default when they never made one. */
export async function findChannelPreferences(
  db: Reader,
  accountId: string,
): Promise<ChannelPreferencesAnswer> {
  const row = await db
    .selectFrom('account as a')
    .leftJoin('notification_preference as p', 'p.account_id', 'a.id')
    .select(['a.phone', 'p.channels', 'p.zalo_phone', 'p.account_id'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  const isDefault = !row?.account_id;
  return {
    channels: isDefault
      ? [...DEFAULT_CHANNELS]
      : CHOOSABLE_CHANNELS.filter((channel) => row.channels?.includes(channel)),
    zaloPhone: row?.zalo_phone ?? null,
    accountPhone: row?.phone ?? null,
    isDefault,
  };
}

/** Records the choice with its audit event, in the caller's transaction. */
export async function setChannelPreferences(
  tx: Transaction<DB>,
  actor: Actor,
  accountId: string,
  input: ChannelPreferences,
): Promise<ChannelPreferencesAnswer> {
  const account = await tx
    .selectFrom('account')
    .select('phone')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (input.channels.includes('zalo') && !input.zaloPhone && !account?.phone)
    throw invalid('zaloPhone', 'required');
  const channels = CHOOSABLE_CHANNELS.filter((channel) => input.channels.includes(channel));
  await tx
    .insertInto('notification_preference')
    .values({ account_id: accountId, channels, zalo_phone: input.zaloPhone, updated_at: new Date() })
    .onConflict((conflict) =>
      conflict
        .column('account_id')
        .doUpdateSet({ channels, zalo_phone: input.zaloPhone, updated_at: new Date() }),
    )
    .execute();
  await recordEvent(tx, actor, {
    type: 'notification_preference.changed',
    entityType: 'account',
    entityId: accountId,
    data: { channels, hasZaloPhone: input.zaloPhone !== null },
  });
  return { channels, zaloPhone: input.zaloPhone, accountPhone: account?.phone ?? null, isDefault: false };
}
