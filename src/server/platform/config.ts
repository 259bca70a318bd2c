import path from 'node:path';
import { z } from 'zod';
import { defaultSmsHttpBody } from './notifications/sms-drivers';

// Configuration comes only from the environment, validated once at start-up.
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Empty means unset: the server then runs its embedded PostgreSQL.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  // The application's own role (decision 011); unset: the owner in DATABASE_URL creates `wasl_app`.
  DATABASE_APP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  DATA_DIR: z.string().default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  WORKER: z.enum(['inline', 'off']).default('inline'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  // The built web app to serve; unset: dist/web. Tests that build their own copy point here.
  WEB_ROOT: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // SMS (platform/notifications/sms-drivers.ts): outbox records only; file appends JSON lines to SMS_FILE;
  // http posts SMS_HTTP_BODY (placeholders {{to}} {{body}} {{sender}}) to SMS_HTTP_URL.
  SMS_DRIVER: z.enum(['outbox', 'file', 'http']).default('outbox'),
  SMS_FILE: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SMS_HTTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  SMS_HTTP_AUTHORIZATION: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SMS_HTTP_BODY: z.string().default(defaultSmsHttpBody),
  SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // E-mail and WhatsApp (platform/notifications/channel-drivers.ts): `outbox` records only.
  EMAIL_DRIVER: z.enum(['outbox', 'smtp']).default('outbox'),
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  EMAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  WHATSAPP_DRIVER: z.enum(['outbox', 'cloud']).default('outbox'),
  WHATSAPP_API_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  WHATSAPP_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  WHATSAPP_PHONE_NUMBER_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // Verifies the WhatsApp status webhook (X-Hub-Signature-256); unset: the webhook refuses every call.
  WHATSAPP_APP_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // The address beneficiaries reach the system at, for links in messages (e.g. https://wasl.example.org).
  PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
