// `npm run demo`: adds the two seed associations with staff of every role, then prints how to sign in.
import path from 'node:path';
import { buildServices } from '../app';
import { createLogger, openDatabase } from '../platform/boot';
import { loadConfig } from '../platform/config';
import { inTenant } from '../platform/db/tenant';
import { createLocalStorage } from '../platform/files/storage';
import { seedCases } from './demo-cases';
import { demoOrganizations, seedOrganization } from './demo-data';
import { seedLibrary } from './demo-library';
import { seedPolicy } from './demo-policies';
import { seedSignedTexts } from './demo-signed-texts';

export const demoPassword = 'Wasl-demo-2026';

const config = loadConfig();
const log = createLogger({ LOG_LEVEL: 'warn' });
const opened = await openDatabase(config, log);
try {
  const services = buildServices({
    database: opened.database,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
  });
  const lines: string[] = [];
  for (const spec of demoOrganizations) {
    const exists = await services.users.findSignInOrganization(spec.staff[0]!.email);
    if (!exists) {
      const organization = await seedOrganization(services, spec, demoPassword);
      // The first demo association's administrator is the install's platform operator (issue 14).
      const admin = spec.staff.find((s) => s.roles.includes('admin'));
      if (demoOrganizations.indexOf(spec) === 0 && admin) {
        await inTenant(services.db, { organizationId: organization.id, userId: null }, async () => {
          const row = await services.users.findForSignIn(admin.email);
          if (row) await services.users.setPlatformOperator(services.db, organization.id, row.id, true);
        });
      }
      await seedCases(services, organization.id, spec.staff, demoOrganizations.indexOf(spec));
      const manager = spec.staff.find((s) => s.roles.includes('manager'));
      const approver = manager ? await services.users.findForSignIn(manager.email) : null;
      await seedPolicy(services, organization.id, spec.slug ?? '', approver?.id ?? null);
      await seedSignedTexts(services, organization.id, approver?.id ?? null);
      await seedLibrary(services, organization.id, approver?.id ?? null);
    }
    lines.push(`\n${spec.nameAr} — ${spec.nameEn}${exists ? ' (already there)' : ''}`);
    if (spec.slug) lines.push(`  beneficiary portal: http://localhost:3000/p/${spec.slug}`);
    for (const s of spec.staff) lines.push(`  ${s.email.padEnd(34)} ${s.roles.join(', ')}`);
  }
  console.log(
    [
      'Demo data is ready. Start the app with `npm start` and open http://localhost:3000',
      `Every demo account's password: ${demoPassword}`,
      ...lines,
    ].join('\n'),
  );
} finally {
  await opened.close();
}
