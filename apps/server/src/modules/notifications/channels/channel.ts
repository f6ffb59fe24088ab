import type { NotificationLanguage } from '../tables.ts';

/** One notification as a channel sends it. */
export interface OutgoingMessage {
  /** Also passed to providers that take a request or tracking id, to find duplicates. */
  notificationId: string;
  /** E-mail address, or phone as stored (0xxxxxxxxx). */
  address: string;
  subject: string;
  /** The text for this channel: the full body for e-mail, the short text for SMS. */
  body: string;
  template: string;
  params: Record<string, string>;
  language: NotificationLanguage;
}

/** A way out of the system. Throws when the provider did not accept the message. */
export interface NotificationChannel {
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
}

/** The provider answered, and said no (or answered something we cannot read). */
export class DeliveryError extends Error {
  constructor(provider: string, detail: string) {
    super(`${provider}: ${detail}`);
    this.name = 'DeliveryError';
  }
}
