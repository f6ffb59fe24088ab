import { describe, expect, it } from 'vitest';
import { notificationsConfigFrom, parseTemplateIds } from './notifications-config.ts';

describe('notification settings', () => {
  it('turn on only the channels whose address and secret are set', () => {
    expect(notificationsConfigFrom({})).toEqual({});
    expect(notificationsConfigFrom({ SMS_GATEWAY_URL: 'https://sms.example.vn/send' })).toEqual({});
    const config = notificationsConfigFrom({
      SMTP_URL: 'smtps://mailer%40tinhso:p%C3%A0ss@smtp.example.vn',
      SMTP_FROM: 'no-reply@tinhso.example.vn',
      SMS_GATEWAY_URL: 'https://sms.example.vn/send',
      SMS_API_KEY: 'k',
      ZALO_ACCESS_TOKEN: 't',
      ZALO_TEMPLATE_IDS: 'dossier.received=231001, dossier.resolved = 231002',
    });
    expect(config).toEqual({
      email: {
        host: 'smtp.example.vn',
        port: 465,
        secure: true,
        user: 'mailer@tinhso',
        password: 'pàss',
        from: 'no-reply@tinhso.example.vn',
      },
      sms: { url: 'https://sms.example.vn/send', apiKey: 'k', brandname: 'TINHSO' },
      zalo: {
        url: 'https://business.openapi.zalo.me/message/template',
        accessToken: 't',
        templateIds: { 'dossier.received': '231001', 'dossier.resolved': '231002' },
      },
    });
    expect(notificationsConfigFrom({ SMTP_URL: 'smtp://relay.local' }).email).toMatchObject({
      port: 587,
      secure: false,
    });
  });

  it('name a malformed setting', () => {
    expect(() => parseTemplateIds('dossier.received')).toThrow(/"dossier.received" is not code=id/);
    expect(() => notificationsConfigFrom({ SMTP_URL: 'http://mail' })).toThrow(
      /SMTP_URL must start with smtp/,
    );
  });
});
