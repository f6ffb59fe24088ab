import type { NotificationsConfig } from '../channels/create-channels.ts';
import { TEMPLATE_CODES } from '../templates.ts';
import { createHttpSimulators, type HttpSimulatorOptions } from './http-simulators.ts';
import { createSmtpSink } from './smtp-sink.ts';

/** The demo's and tests' e-mail, SMS and Zalo providers, all in this process. */
export function createNotificationSimulators(
  options: Omit<HttpSimulatorOptions, 'mails'> & { smtpUser?: string; smtpPassword?: string },
) {
  const smtp = createSmtpSink({
    ...(options.smtpUser ? { user: options.smtpUser } : {}),
    ...(options.smtpPassword ? { password: options.smtpPassword } : {}),
  });
  return { smtp, ...createHttpSimulators({ ...options, mails: () => smtp.messages() }) };
}

/**
 * Channels pointed at the simulators: the HTTP ones mounted on this server (`baseUrl`, known once it
 * listens), the SMTP sink on `smtpPort`. Each ZNS template id is our code itself.
 */
export function simulatedNotificationsConfig(options: {
  baseUrl: string;
  smtpPort: number;
  smsApiKey: string;
  zaloAccessToken: string;
}): NotificationsConfig {
  return {
    email: {
      host: '127.0.0.1',
      port: options.smtpPort,
      secure: false,
      from: '"Cổng dịch vụ công (mô phỏng)" <no-reply@tinhso.local>',
    },
    sms: { url: `${options.baseUrl}/simulators/sms/send`, apiKey: options.smsApiKey, brandname: 'TINHSO' },
    zalo: {
      url: `${options.baseUrl}/simulators/zalo/message/template`,
      accessToken: options.zaloAccessToken,
      templateIds: Object.fromEntries(TEMPLATE_CODES.map((code) => [code, code])),
    },
  };
}
