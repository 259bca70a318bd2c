// `npm run generate -- --beneficiaries N --orgs M [--seed S] [--requests-per-beneficiary R] [--anchor YYYY-MM-DD]`: a synthetic Saudi
// registry, loaded through bulk INSERTs into DATABASE_URL, or kept as an embedded cluster under
// bench/.data/<N>-<seed> that `npm run bench` then reuses.
import { parseArgs } from 'node:util';
import { ensureDataset } from './lib/dataset';

const { values } = parseArgs({
  options: {
    beneficiaries: { type: 'string', default: '100000' },
    orgs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'requests-per-beneficiary': { type: 'string' },
    anchor: { type: 'string' },
  },
});
const size = Number(values.beneficiaries);
const orgs = Number(values.orgs);
const seed = Number(values.seed);
const requestsPerBeneficiary = values['requests-per-beneficiary']
  ? Number(values['requests-per-beneficiary'])
  : undefined;
if (
  !Number.isInteger(size) ||
  size < 1 ||
  !Number.isInteger(orgs) ||
  orgs < 1 ||
  orgs > size ||
  !Number.isInteger(seed) ||
  (requestsPerBeneficiary !== undefined && !(requestsPerBeneficiary > 0 && requestsPerBeneficiary <= 20))
) {
  console.error(
    'usage: npm run generate -- --beneficiaries N --orgs M [--seed S] [--requests-per-beneficiary R] [--anchor YYYY-MM-DD]',
  );
  process.exit(2);
}
const started = Date.now();
const dataset = await ensureDataset({
  size,
  orgs,
  seed,
  requestsPerBeneficiary,
  anchor: values.anchor,
  databaseUrl: process.env.DATABASE_URL || undefined,
  log: (m) => console.log(m),
});
const s = dataset.summary;
if (!dataset.generatedNow) {
  console.log(`already generated (${s.beneficiaries.toLocaleString('en')} beneficiaries); nothing to do`);
} else {
  console.log(
    `generated in ${s.seconds.total.toFixed(1)} s (load ${s.seconds.load.toFixed(1)} s, indexes ${s.seconds.indexes.toFixed(1)} s, analyze ${s.seconds.analyze.toFixed(1)} s)`,
  );
  for (const [table, n] of Object.entries(s.rows))
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en').padStart(12)}`);
}
console.log(`where: ${dataset.dataDir ?? 'DATABASE_URL'}`);
console.log(`staff sign in as e.g. ${s.orgs[0]!.staffEmail.relations1} with password ${s.password}`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
