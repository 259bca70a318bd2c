import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../src/server/app';
import { createLocalStorage } from '../../src/server/platform/files/storage';
import { beneficiaryInput, nextNationalId, registerBeneficiary } from '../support/beneficiary-factory';
import { createOrganization, signIn } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

// Logs carry no personal data: requests that fail in the database with names, national ids and phone
// numbers in their parameters and in PostgreSQL's own detail leave none of them in the log, while the
// log still says what failed (class, SQLSTATE, constraint, table, route, request id).
const lines: string[] = [];
const logStream = { write: (line: string) => void lines.push(line) };

const testDb = await createTestDatabase();
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-files-'));
const services = buildServices({ database: testDb.database, storage: createLocalStorage(filesDir) });
const app = await buildApp({
  database: testDb.database,
  services,
  logLevel: 'debug',
  logStream,
  webRoot: null,
});
await app.ready();
afterAll(async () => {
  await app.close();
  await testDb.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

// Failures the application does not expect, made on purpose with the owner's rights: a uniqueness the
// code does not check first, and a trigger whose message quotes the row, as a careless one would.
const owner = new pg.Client({ connectionString: (testDb as { ownerUrl?: string }).ownerUrl ?? testDb.url });
await owner.connect();
await owner.query(`
  create unique index test_beneficiaries_phone_key on beneficiaries (organization_id, phone);
  create function test_refuse_name() returns trigger language plpgsql as $$
  begin
    if new.full_name_ar like '%مرفوض%' then
      raise exception 'refused name % with id %', new.full_name_ar, new.national_id using detail = new.phone;
    end if;
    return new;
  end $$;
  create trigger test_refuse_name before update on beneficiaries for each row execute function test_refuse_name();
`);
await owner.end();

const org = await createOrganization(services, [
  { fullName: 'موظفة', email: 'officer', roles: ['admin', 'relations_officer'] },
]);
const cookie = await signIn(app, org.emails.officer!);

describe('the log of failed requests', () => {
  it('holds no name, national id or phone number of the failing rows, and still names the failure', async () => {
    const first = await registerBeneficiary(app, cookie, { fullNameAr: 'هيلة عبدالرحمن سعد الدوسري' });
    const secret = {
      nationalId: nextNationalId(),
      fullNameAr: 'جواهر منصور فهد القحطاني',
      fullNameEn: 'Jawaher Mansour Alqahtani',
      address: 'حي النسيم، شارع الأمير سلطان، مبنى ٤٢',
    };
    lines.length = 0;
    // Same phone as the first: the duplicate review lets it through once acknowledged, then the unique
    // index refuses it inside the INSERT (SQLSTATE 23505, detail quoting the phone): a conflict (409),
    // logged as a warning.
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/beneficiaries',
      headers: { cookie },
      payload: beneficiaryInput({ ...secret, phone: first.phone, acknowledgedDuplicateIds: [first.id] }),
    });
    expect(duplicate.statusCode, duplicate.body).toBe(409);
    expect(duplicate.json().error.code).toBe('CONFLICT');

    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/v1/beneficiaries/${first.id}`,
      headers: { cookie },
      payload: { fullNameAr: 'اسم مرفوض للاختبار', address: secret.address },
    });
    expect(refused.statusCode, refused.body).toBe(500);
    expect(refused.json().error.code).toBe('INTERNAL');
    // A URL that matches no route, carrying a national id and a phone number in its path.
    const stray = await app.inject({
      method: 'GET',
      url: `/api/v1/no-such-page/${secret.nationalId}/${encodeURIComponent(first.phone)}`,
      headers: { cookie },
    });
    expect(stray.statusCode).toBe(404);

    const log = lines.join('');
    const personal = [
      secret.nationalId,
      secret.fullNameAr,
      secret.fullNameEn,
      secret.address, // kept as typed, Arabic-Indic digits included (decision 014)
      'حي النسيم',
      first.phone,
      first.phone.replace(/^\+966/, '0'),
      first.phone.replace(/^\+966/, ''),
      first.nationalId,
      'هيلة',
      'جواهر',
      'مرفوض',
    ];
    for (const value of personal) expect(log, `the log holds ${value}`).not.toContain(value);
    // Nor JSON-escaped Arabic (\u06xx), which a serializer could produce instead of the letters.
    expect(log).not.toMatch(/\\u06[0-9a-f]{2}/i);

    const errors = lines.map((l) => JSON.parse(l)).filter((entry) => entry.err);
    expect(errors.map((e) => [e.level, e.msg])).toEqual([
      [40, 'database conflict'],
      [50, 'unhandled error'],
    ]);
    const [unique, trigger] = errors;
    expect(unique.reqId).toBe(duplicate.headers['x-request-id']);
    expect(unique.route).toBe('/api/v1/beneficiaries');
    expect(JSON.stringify(unique.err)).toContain('"code":"23505"');
    expect(JSON.stringify(unique.err)).toContain('"constraint":"test_beneficiaries_phone_key"');
    expect(JSON.stringify(unique.err)).toContain('"table":"beneficiaries"');
    expect(trigger.route).toBe('/api/v1/beneficiaries/:id');
    expect(JSON.stringify(trigger.err)).toContain('"code":"P0001"');
  });
});
