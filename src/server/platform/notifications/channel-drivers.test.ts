import { describe, expect, it } from 'vitest';
import { channelDriversFor, whatsappNumber } from './channel-drivers';
import { defaultSmsHttpBody, notificationDriverFor } from './sms-drivers';

const sms = { SMS_DRIVER: 'outbox' as const, SMS_HTTP_BODY: defaultSmsHttpBody, SMS_HTTP_TIMEOUT_MS: 1000 };

describe('e-mail and WhatsApp drivers from the configuration', () => {
  it('records e-mail and WhatsApp only by default', () => {
    const driver = notificationDriverFor(sms);
    expect(driver.driverFor?.('email').delivers).toBe(false);
    expect(driver.driverFor?.('whatsapp').delivers).toBe(false);
  });

  it('chooses SMTP and the Cloud API per channel, and says what a chosen driver lacks', () => {
    const driver = notificationDriverFor({
      ...sms,
      EMAIL_DRIVER: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      EMAIL_FROM: 'no-reply@wasl.test',
      WHATSAPP_DRIVER: 'cloud',
      WHATSAPP_API_URL: 'http://127.0.0.1:9/v21.0',
      WHATSAPP_TOKEN: 't',
      WHATSAPP_PHONE_NUMBER_ID: '1',
    });
    expect(driver.driverFor?.('email')).toMatchObject({ name: 'smtp', delivers: true });
    expect(driver.driverFor?.('whatsapp')).toMatchObject({ name: 'whatsapp-cloud', delivers: true });
    expect(driver.driverFor?.('sms').delivers).toBe(false);
    expect(() => channelDriversFor({ EMAIL_DRIVER: 'smtp', EMAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL/);
    expect(() => channelDriversFor({ EMAIL_DRIVER: 'smtp', SMTP_URL: 'smtp://x' })).toThrow(/EMAIL_FROM/);
    expect(() => channelDriversFor({ WHATSAPP_DRIVER: 'cloud', WHATSAPP_TOKEN: 't' })).toThrow(
      /WHATSAPP_API_URL/,
    );
  });

  it('writes numbers as the Cloud API wants them: digits with the country code', () => {
    expect(whatsappNumber('+966501234567')).toBe('966501234567');
  });
});
