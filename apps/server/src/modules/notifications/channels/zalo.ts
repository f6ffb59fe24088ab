import { DeliveryError, type NotificationChannel } from './channel.ts';
import { toInternationalPhone } from './format.ts';

export const ZALO_ZNS_URL = 'https://business.openapi.zalo.me/message/template';

/**
 * Zalo Notification Service (ZNS), "send a template message by phone number":
 *
 *   POST https://business.openapi.zalo.me/message/template   access_token: <Official Account token>
 *   { "phone": "84912345678", "template_id": "<id Zalo approved>", "template_data": { …params },
 *     "tracking_id": "<notification id>" }
 *   → 200 { "error": 0, "message": "Success", "data": { "msg_id": "…", "sent_time": "…" } }
 *     a refusal is also HTTP 200, with a negative `error` (e.g. -124 invalid access token)
 *
 * ZNS sends only templates registered with and approved by Zalo for the province's Official
 * Account; `templateIds` maps our template codes to those ids, and the registered template must
 * use our parameter names. The access token lives about a day and is refreshed with the OA's
 * refresh token: pass a function that returns the current one.
 */
export interface ZaloChannelConfig {
  url?: string;
  accessToken: string | (() => Promise<string>);
  /** Our template code → the ZNS template id. A template without one cannot go by Zalo. */
  templateIds: Record<string, string>;
  timeoutMs?: number;
}

interface ZnsAnswer {
  error?: unknown;
  message?: unknown;
  data?: { msg_id?: unknown };
}

export function createZaloChannel(config: ZaloChannelConfig): NotificationChannel {
  return {
    async send(message) {
      const templateId = config.templateIds[message.template];
      if (!templateId) throw new DeliveryError('zalo', `no ZNS template registered for ${message.template}`);
      const token = typeof config.accessToken === 'string' ? config.accessToken : await config.accessToken();
      const response = await fetch(config.url ?? ZALO_ZNS_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify({
          phone: toInternationalPhone(message.address),
          template_id: templateId,
          template_data: message.params,
          tracking_id: message.notificationId,
        }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
      const answer = (await response.json().catch(() => ({}))) as ZnsAnswer;
      const messageId = answer.data?.msg_id;
      if (!response.ok || answer.error !== 0 || typeof messageId !== 'string')
        throw new DeliveryError(
          'zalo',
          `HTTP ${response.status}, error ${String(answer.error)}: ${String(answer.message)}`,
        );
      return { providerId: messageId };
    },
  };
}
