import type { NotificationsConfig } from './create-channels.ts';
import { emailConfigFromUrl } from './email.ts';
import { ZALO_ZNS_URL } from './zalo.ts';

/** The server settings the channels are built from (proposed variables of platform/config.ts). */
export interface NotificationSettings {
  /** smtp://user:password@host:587 or smtps://…:465 */
  SMTP_URL?: string | undefined;
  SMTP_FROM?: string | undefined;
  SMS_GATEWAY_URL?: string | undefined;
  SMS_API_KEY?: string | undefined;
  SMS_BRANDNAME?: string | undefined;
  /** Comma-separated `ourCode=znsTemplateId` pairs: dossier.received=231001,dossier.resolved=231002 */
  ZALO_TEMPLATE_IDS?: string | undefined;
  ZALO_ZNS_URL?: string | undefined;
  ZALO_ACCESS_TOKEN?: string | undefined;
}

const DEFAULT_FROM = '"Cổng dịch vụ công" <no-reply@localhost>';

/** Reads `code=id,code=id`; a pair without both halves is a configuration mistake, named. */
export function parseTemplateIds(text: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [code, id, ...rest] = pair.split('=').map((part) => part.trim());
    if (!code || !id || rest.length > 0) throw new Error(`ZALO_TEMPLATE_IDS: "${pair}" is not code=id`);
    ids[code] = id;
  }
  return ids;
}

/** Turns on each channel whose address and secret are both set. */
export function notificationsConfigFrom(settings: NotificationSettings): NotificationsConfig {
  const config: NotificationsConfig = {};
  if (settings.SMTP_URL)
    config.email = emailConfigFromUrl(settings.SMTP_URL, settings.SMTP_FROM ?? DEFAULT_FROM);
  if (settings.SMS_GATEWAY_URL && settings.SMS_API_KEY)
    config.sms = {
      url: settings.SMS_GATEWAY_URL,
      apiKey: settings.SMS_API_KEY,
      brandname: settings.SMS_BRANDNAME ?? 'TINHSO',
    };
  if (settings.ZALO_ACCESS_TOKEN)
    config.zalo = {
      url: settings.ZALO_ZNS_URL ?? ZALO_ZNS_URL,
      accessToken: settings.ZALO_ACCESS_TOKEN,
      templateIds: parseTemplateIds(settings.ZALO_TEMPLATE_IDS ?? ''),
    };
  return config;
}
