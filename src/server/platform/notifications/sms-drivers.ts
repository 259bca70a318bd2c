import fs from 'node:fs/promises';
import path from 'node:path';
import type { NotificationChannel } from '../../../shared/contracts/outbox';
import { type ChannelConfig, channelDriversFor } from './channel-drivers';
import { type NotificationDriver, type OutgoingMessage, recordingDriver } from './notifications';

/**
 * SMS drivers (SMS_DRIVER): `outbox` records only (the default: nothing leaves the machine); `file`
 * appends one JSON line `{"to","body"}` per message to SMS_FILE, for development and tests; `http`
 * posts JSON to a gateway, as Saudi SMS providers offer. E-mail and WhatsApp: channel-drivers.ts.
 */
export interface SmsConfig extends ChannelConfig {
  SMS_DRIVER: 'outbox' | 'file' | 'http';
  SMS_FILE?: string;
  SMS_HTTP_URL?: string;
  SMS_HTTP_AUTHORIZATION?: string;
  SMS_HTTP_BODY: string;
  SMS_HTTP_TIMEOUT_MS: number;
}

/** The default gateway body: placeholders are replaced by JSON-escaped values. */
export const defaultSmsHttpBody = '{"sender":"{{sender}}","recipients":["{{to}}"],"body":"{{body}}"}';

export function fileSmsDriver(file: string): NotificationDriver {
  return {
    name: 'file',
    delivers: true,
    async deliver(message) {
      await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await fs.appendFile(file, `${JSON.stringify({ to: message.recipient, body: message.body })}\n`, {
        mode: 0o600,
      });
    },
  };
}

/** The JSON body for the gateway: the template with {{to}}, {{body}} and {{sender}} filled in. */
export function gatewayBody(template: string, message: OutgoingMessage): string {
  const values: Record<string, string> = {
    to: message.recipient,
    body: message.body,
    sender: message.sender ?? '',
  };
  // JSON.stringify escapes quotes, backslashes and new lines; the template supplies the quotes.
  const body = template.replace(/\{\{(to|body|sender)\}\}/g, (_, key: string) =>
    JSON.stringify(values[key] ?? '').slice(1, -1),
  );
  JSON.parse(body); // a template that does not make JSON is a configuration error, said at once
  return body;
}

export function httpSmsDriver(options: {
  url: string;
  authorization?: string;
  bodyTemplate: string;
  timeoutMs: number;
}): NotificationDriver {
  return {
    name: 'http',
    delivers: true,
    async deliver(message) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(options.authorization ? { authorization: options.authorization } : {}),
        },
        body: gatewayBody(options.bodyTemplate, message),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // The gateway's answer body may echo the message: only its status is kept.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** Each channel through its configured driver (SMS here, e-mail and WhatsApp in channel-drivers.ts). */
export function notificationDriverFor(config: SmsConfig): NotificationDriver {
  const sms = smsDriverFor(config);
  const others = channelDriversFor(config);
  const byChannel = (channel: NotificationChannel) =>
    channel === 'sms' ? sms : (others[channel] ?? recordingDriver);
  return {
    name: sms.name,
    delivers: sms.delivers,
    driverFor: byChannel,
    deliver: (message) => byChannel(message.channel).deliver(message),
  };
}

function smsDriverFor(config: SmsConfig): NotificationDriver {
  if (config.SMS_DRIVER === 'file') {
    if (!config.SMS_FILE) throw new Error('SMS_DRIVER=file needs SMS_FILE (the file to append messages to)');
    return fileSmsDriver(config.SMS_FILE);
  }
  if (config.SMS_DRIVER === 'http') {
    if (!config.SMS_HTTP_URL) throw new Error('SMS_DRIVER=http needs SMS_HTTP_URL (the gateway address)');
    gatewayBody(config.SMS_HTTP_BODY, {
      channel: 'sms',
      recipient: '+966500000000',
      subject: null,
      body: 'x',
    });
    return httpSmsDriver({
      url: config.SMS_HTTP_URL,
      authorization: config.SMS_HTTP_AUTHORIZATION,
      bodyTemplate: config.SMS_HTTP_BODY,
      timeoutMs: config.SMS_HTTP_TIMEOUT_MS,
    });
  }
  return recordingDriver;
}
