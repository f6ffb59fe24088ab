import nodemailer from 'nodemailer';
import type { NotificationChannel } from './channel.ts';

export interface EmailChannelConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false uses STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. `"Cổng dịch vụ công" <no-reply@tinhso.gov.vn>`. */
  from: string;
}

/** Reads SMTP_URL (`smtp://user:password@host:587`, `smtps://…:465`) into the channel's settings. */
export function emailConfigFromUrl(url: string, from: string): EmailChannelConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}`);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    from,
  };
}

/** E-mail over SMTP, as plain text: a parameter can never become markup. */
export function createEmailChannel(config: EmailChannelConfig): NotificationChannel & { close(): void } {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        to: message.address,
        subject: message.subject,
        text: message.body,
        headers: { 'X-TinhSo-Notification': message.notificationId },
      });
      return { providerId: info.messageId };
    },
    close: () => transport.close(),
  };
}
