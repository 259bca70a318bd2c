// `npm run demo`: adds the two seed associations with staff of every role, then prints how to sign in.
import path from 'node:path';
import { buildServices } from '../app';
import { createLogger, openDatabase } from '../platform/boot';
import { loadConfig } from '../platform/config';
import { createLocalStorage } from '../platform/files/storage';
import { seedCases } from './demo-cases';
import { demoOrganizations, seedOrganization } from './demo-data';

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
      await seedCases(services, organization.id, spec.staff, demoOrganizations.indexOf(spec));
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
