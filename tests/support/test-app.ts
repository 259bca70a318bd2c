import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp, buildServices, type Services } from '../../src/server/app';
import { type OrganizationSpec, seedOrganization } from '../../src/server/demo/demo-data';
import type { Clock } from '../../src/server/platform/clock';
import { inTenant } from '../../src/server/platform/db/tenant';
import { createLocalStorage } from '../../src/server/platform/files/storage';
import type { NotificationDriver } from '../../src/server/platform/notifications/notifications';
import { createTestDatabase, type TestDatabase } from './test-database';

export const testPassword = 'test-password-123';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  testDb: TestDatabase;
}

/** A whole app on a fresh database; closed after the file's tests. */
export async function createTestApp(
  options: {
    clock?: Clock;
    sessionTtlHours?: number;
    poolMax?: number;
    notificationDriver?: NotificationDriver;
  } = {},
): Promise<TestApp> {
  // poolMax 1 proves that no transaction takes a second connection (which starves the pool under load).
  const testDb = await createTestDatabase(options.poolMax ?? 5, options.poolMax === 1 ? 3_000 : 15_000);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-files-'));
  const services = buildServices({
    database: testDb.database,
    clock: options.clock,
    sessionTtlHours: options.sessionTtlHours,
    storage: createLocalStorage(filesDir),
    notificationDriver: options.notificationDriver,
  });
  const app = await buildApp({
    database: testDb.database,
    services,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    webRoot: null,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await testDb.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });
  return { app, services, testDb };
}

/** Signs in through the API and returns the session cookie header value. */
export async function signIn(app: FastifyInstance, email: string, password = testPassword): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return sessionCookie(res);
}

/** Signs in every staff member of `emails` (as createOrganization returns them): their cookies by key. */
export async function signInEach(app: FastifyInstance, emails: Record<string, string>) {
  const entries = await Promise.all(
    Object.entries(emails).map(async ([key, email]) => [key, await signIn(app, email)] as const),
  );
  return Object.fromEntries(entries) as Record<string, string>;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'wasl_session');
  if (!cookie) throw new Error('no session cookie');
  return `wasl_session=${cookie.value}`;
}

let counter = 0;

/** An organization with one staff member per given role set (emails unique per call). */
export async function createOrganization(
  services: Services,
  staff: OrganizationSpec['staff'] = [{ fullName: 'مدير النظام', email: 'admin', roles: ['admin'] }],
  name = 'جمعية الاختبار',
) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const spec: OrganizationSpec = {
    nameAr: `${name} ${counter}`,
    nameEn: `Test association ${counter}`,
    settings: {},
    staff: staff.map((s) => ({ ...s, email: `${s.email}-${tag}@test.sa` })),
  };
  const organization = await seedOrganization(services, spec, testPassword);
  const emails = Object.fromEntries(staff.map((s, i) => [s.email, spec.staff[i]!.email]));
  return { organization, emails };
}

/**
 * Runs direct database reads of a test inside one association, as a request of it would: row-level
 * security shows nothing outside such a scope.
 */
export function inOrganization<T>(
  services: Services,
  organizationId: string,
  fn: () => Promise<T>,
): Promise<T> {
  return inTenant(services.db, { organizationId, userId: null }, fn);
}
