import nodemailer from 'nodemailer';
import type { NotificationDriver } from './notifications';

/**
 * E-mail and WhatsApp drivers (EMAIL_DRIVER, WHATSAPP_DRIVER); `outbox` (the default) records only.
 * `smtp` hands e-mail to the server at SMTP_URL (nodemailer; UTF-8 subject and body, so Arabic arrives
 * intact); `cloud` posts to the WhatsApp Business Cloud API and keeps the message id it answers with,
 * which the status webhook later matches (sent → delivered / failed).
 */
export interface ChannelConfig {
  EMAIL_DRIVER?: 'outbox' | 'smtp';
  SMTP_URL?: string;
  EMAIL_FROM?: string;
  WHATSAPP_DRIVER?: 'outbox' | 'cloud';
  WHATSAPP_API_URL?: string;
  WHATSAPP_TOKEN?: string;
  WHATSAPP_PHONE_NUMBER_ID?: string;
  SMS_HTTP_TIMEOUT_MS?: number;
}

export function smtpEmailDriver(options: {
  url: string;
  from: string;
  timeoutMs?: number;
}): NotificationDriver {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs ?? 10_000,
    greetingTimeout: options.timeoutMs ?? 10_000,
    socketTimeout: options.timeoutMs ?? 10_000,
  });
  return {
    name: 'smtp',
    delivers: true,
    async deliver(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        // The recipient's mail client shows the Arabic text right to left.
        html: `<div dir="auto" style="white-space:pre-wrap">${escapeHtml(message.body)}</div>`,
      });
      return { providerMessageId: info.messageId ?? null };
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The number as the Cloud API wants it: digits only, with the country code (+966… → 966…). */
export function whatsappNumber(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function whatsappCloudDriver(options: {
  apiUrl: string;
  token: string;
  phoneNumberId: string;
  timeoutMs: number;
}): NotificationDriver {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  return {
    name: 'whatsapp-cloud',
    delivers: true,
    async deliver(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: whatsappNumber(message.recipient),
          type: 'text',
          text: { preview_url: true, body: message.body },
          // Echoed in the status webhook: our outbox id, to find the association of the message.
          ...(message.id ? { biz_opaque_callback_data: message.id } : {}),
        }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`WhatsApp API answered ${response.status}`);
      }
      const answer = (await response.json().catch(() => null)) as { messages?: { id?: string }[] } | null;
      const providerMessageId = answer?.messages?.[0]?.id;
      if (!providerMessageId) throw new Error('WhatsApp API answered without a message id');
      return { providerMessageId };
    },
  };
}

/** The e-mail and WhatsApp drivers of the configuration; absent: recorded only. */
export function channelDriversFor(config: ChannelConfig): {
  email?: NotificationDriver;
  whatsapp?: NotificationDriver;
} {
  const drivers: { email?: NotificationDriver; whatsapp?: NotificationDriver } = {};
  if (config.EMAIL_DRIVER === 'smtp') {
    if (!config.SMTP_URL)
      throw new Error('EMAIL_DRIVER=smtp needs SMTP_URL (e.g. smtp://user:pass@host:587)');
    if (!config.EMAIL_FROM) throw new Error('EMAIL_DRIVER=smtp needs EMAIL_FROM (the sender address)');
    drivers.email = smtpEmailDriver({ url: config.SMTP_URL, from: config.EMAIL_FROM });
  }
  if (config.WHATSAPP_DRIVER === 'cloud') {
    const {
      WHATSAPP_API_URL: apiUrl,
      WHATSAPP_TOKEN: token,
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    } = config;
    if (!apiUrl || !token || !phoneNumberId) {
      throw new Error(
        'WHATSAPP_DRIVER=cloud needs WHATSAPP_API_URL, WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID',
      );
    }
    drivers.whatsapp = whatsappCloudDriver({
      apiUrl,
      token,
      phoneNumberId,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS ?? 10_000,
    });
  }
  return drivers;
}
