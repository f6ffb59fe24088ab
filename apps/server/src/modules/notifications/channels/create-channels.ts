import type { ExternalChannel } from '../tables.ts';
import type { NotificationChannel } from './channel.ts';
import { createEmailChannel, type EmailChannelConfig } from './email.ts';
import { createSmsChannel, type SmsChannelConfig } from './sms.ts';
import { createZaloChannel, type ZaloChannelConfig } from './zalo.ts';

/** Which providers this server may use; a channel left out is not sent on (its rows fail, logged). */
export interface NotificationsConfig {
  email?: EmailChannelConfig;
  sms?: SmsChannelConfig;
  zalo?: ZaloChannelConfig;
}

export type Channels = Partial<Record<ExternalChannel, NotificationChannel>>;

export function createChannels(config: NotificationsConfig): Channels & { close(): void } {
  const email = config.email ? createEmailChannel(config.email) : undefined;
  return {
    ...(email ? { email } : {}),
    ...(config.sms ? { sms: createSmsChannel(config.sms) } : {}),
    ...(config.zalo ? { zalo: createZaloChannel(config.zalo) } : {}),
    close: () => email?.close(),
  };
}
