import type { ColumnType, Generated } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export const CHANNELS = ['in_app', 'email', 'sms', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels that leave the system, sent by the outbox. */
export type ExternalChannel = Exclude<Channel, 'in_app'>;
export type NotificationStatus = 'pending' | 'sent' | 'failed';
export type NotificationLanguage = 'vi' | 'en';

/** The notifications' table (migration 0008), added to the platform's DB type by interface merging. */
export interface NotificationTable {
  id: Generated<string>;
  account_id: string | null;
  channel: Channel;
  address: string | null;
  subject: string;
  body: string;
  template: string;
  params: Json;
  entity_kind: string | null;
  entity_id: string | null;
  language: NotificationLanguage;
  status: NotificationStatus;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
  read_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
}

/** The channels a person chose (migration 0012); no row means e-mail and SMS. */
export interface NotificationPreferenceTable {
  account_id: string;
  channels: ('email' | 'sms' | 'zalo')[];
  zalo_phone: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    notification: NotificationTable;
    notification_preference: NotificationPreferenceTable;
  }
}
