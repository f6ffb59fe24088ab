import { DeliveryError, type NotificationChannel } from './channel.ts';
import { toInternationalPhone, withoutDiacritics } from './format.ts';

/**
 * SMS through a brandname gateway over HTTP. Vietnamese gateways (Viettel, VNPT, MobiFone resellers,
 * eSMS, SpeedSMS …) each have their own contract; this adapter speaks the common shape:
 *
 *   POST {url}   {apiKeyHeader}: {apiKey}   content-type: application/json
 *   { "brandname": "TINHSO", "phone": "84912345678", "message": "…", "requestId": "<notification id>" }
 *   → 200 { "code": "00", "message": "success", "messageId": "…" }    any other code is a refusal
 *
 * The real provider's field names, success code and duplicate handling of requestId must be
 * confirmed against its signed contract before going live.
 */
export interface SmsChannelConfig {
  url: string;
  apiKey: string;
  /** The registered sender name (tên định danh), approved by the operators. */
  brandname: string;
  apiKeyHeader?: string;
  /** Send without diacritics (default true): cheaper parts, and some contracts refuse Unicode. */
  isUnaccented?: boolean;
  successCode?: string;
  timeoutMs?: number;
}

interface GatewayAnswer {
  code?: unknown;
  message?: unknown;
  messageId?: unknown;
}

export function createSmsChannel(config: SmsChannelConfig): NotificationChannel {
  const successCode = config.successCode ?? '00';
  return {
    async send(message) {
      const text = config.isUnaccented === false ? message.body : withoutDiacritics(message.body);
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [config.apiKeyHeader ?? 'x-api-key']: config.apiKey },
        body: JSON.stringify({
          brandname: config.brandname,
          phone: toInternationalPhone(message.address),
          message: text,
          requestId: message.notificationId,
        }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
      const answer = (await response.json().catch(() => ({}))) as GatewayAnswer;
      if (!response.ok || String(answer.code) !== successCode || typeof answer.messageId !== 'string')
        throw new DeliveryError(
          'sms',
          `HTTP ${response.status}, code ${String(answer.code)}: ${String(answer.message)}`,
        );
      return { providerId: answer.messageId };
    },
  };
}
