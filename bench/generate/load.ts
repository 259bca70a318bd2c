/**
 * Loads the synthetic registry into PostgreSQL through bulk paths: multi-row INSERT … SELECT FROM
 * unnest($1::…[], …) in batches of a few thousand beneficiaries (with all their rows), two batches in
 * flight while the next one is generated. On an empty database the secondary indexes of the big tables
 * are dropped for the load and rebuilt afterwards (always, even when the load fails), then ANALYZE.
 */
import pg from 'pg';
import { defaultDeclarationText } from '../../src/server/modules/beneficiaries/beneficiary-records.service';
import { hashPassword } from '../../src/server/platform/auth/password';
import { defaultOrganizationSettings } from '../../src/shared/contracts/organization';
import { Calendar } from './people';
import { createRng, hashString, uuidFactory } from './prng';
import {
  emptyTables,
  generateBeneficiary,
  naturalRequestsPerBeneficiary,
  type OrgContext,
  type ServiceSpec,
  type StaffIds,
  type Tables,
} from './records';

export const benchPassword = 'Bench-Wasl-2025!';
export const benchEmailDomain = 'bench.wasl.test';

export interface GenerateOptions {
  connectionString: string;
  beneficiaries: number;
  orgs: number;
  seed: number;
  /** YYYY-MM-DD the data is relative to ("today" of the data set). */
  anchor: string;
  /** Requests per beneficiary on average (default: the natural rate, about 1.24). */
  requestsPerBeneficiary?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

export interface GeneratedOrg {
  id: string;
  nameAr: string;
  beneficiaries: number;
  staffEmail: Record<string, string>;
}

export interface GenerateSummary {
  seed: number;
  anchor: string;
  beneficiaries: number;
  orgs: GeneratedOrg[];
  password: string;
  rows: Record<string, number>;
  seconds: { total: number; load: number; indexes: number; analyze: number };
}

type Column = readonly [name: string, arrayType: string, expr?: string];
const columns: Record<keyof Tables, readonly Column[]> = {
  beneficiaries: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['file_number', 'text[]'],
    ['national_id', 'text[]'],
    ['full_name_ar', 'text[]'],
    ['full_name_en', 'text[]'],
    ['gender', 'text[]'],
    ['birth_date', 'date[]'],
    ['nationality', 'text[]'],
    ['marital_status', 'text[]'],
    ['phone', 'text[]'],
    ['alt_phone', 'text[]'],
    ['region', 'text[]'],
    ['city', 'text[]'],
    ['district', 'text[]'],
    ['address', 'text[]'],
    ['preferred_channel', 'text[]'],
    ['preferred_language', 'text[]'],
    ['categories', 'text[]', "string_to_array(categories, '|')"],
    ['income_sources', 'text[]', 'income_sources::jsonb'],
    ['housing', 'text[]', 'housing::jsonb'],
    ['health_conditions', 'text[]', "string_to_array(health_conditions, '|')"],
    ['status', 'text[]'],
    ['status_reason', 'text[]'],
    ['data_version', 'int4[]'],
    ['created_by', 'uuid[]'],
    ['created_at', 'timestamptz[]'],
    ['updated_at', 'timestamptz[]'],
  ],
  household_members: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['beneficiary_id', 'uuid[]'],
    ['relation', 'text[]'],
    ['full_name', 'text[]'],
    ['national_id', 'text[]'],
    ['birth_date', 'date[]'],
    ['gender', 'text[]'],
    ['monthly_income', 'numeric[]'],
    ['health', 'text[]'],
    ['schooling', 'text[]'],
    ['created_at', 'timestamptz[]'],
  ],
  beneficiary_documents: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['beneficiary_id', 'uuid[]'],
    ['type', 'text[]'],
    ['number', 'text[]'],
    ['issue_date', 'date[]'],
    ['expiry_date', 'date[]'],
    ['storage_key', 'text[]'],
    ['file_name', 'text[]'],
    ['content_type', 'text[]'],
    ['size', 'int4[]'],
    ['sha256', 'text[]'],
    ['uploaded_by', 'uuid[]'],
    ['uploaded_at', 'timestamptz[]'],
  ],
  declarations: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['beneficiary_id', 'uuid[]'],
    ['text_version', 'int4[]'],
    ['data_version', 'int4[]'],
    ['method', 'text[]'],
    ['typed_name', 'text[]'],
    ['signature_key', 'text[]'],
    ['channel', 'text[]'],
    ['witnessed_by', 'uuid[]'],
    ['signed_at', 'timestamptz[]'],
  ],
  consents: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['beneficiary_id', 'uuid[]'],
    ['purpose', 'text[]'],
    ['granted', 'bool[]'],
    ['channel', 'text[]'],
    ['recorded_by', 'uuid[]'],
    ['recorded_at', 'timestamptz[]'],
  ],
  interactions: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['beneficiary_id', 'uuid[]'],
    ['channel', 'text[]'],
    ['kind', 'text[]'],
    ['summary', 'text[]'],
    ['staff_id', 'uuid[]'],
    ['occurred_at', 'timestamptz[]'],
  ],
  requests: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['number', 'text[]'],
    ['beneficiary_id', 'uuid[]'],
    ['service_id', 'uuid[]'],
    ['channel', 'text[]'],
    ['status', 'text[]'],
    ['return_to', 'text[]'],
    ['submitted_at', 'timestamptz[]'],
    ['expected_decision_at', 'timestamptz[]'],
    ['assigned_to', 'uuid[]'],
    ['decided_by', 'uuid[]'],
    ['decision_reason', 'text[]'],
    ['decided_at', 'timestamptz[]'],
    ['registration_checklist', 'text[]', 'registration_checklist::jsonb'],
    ['stage_entered_at', 'timestamptz[]'],
    ['created_by', 'uuid[]'],
    ['created_at', 'timestamptz[]'],
    ['updated_at', 'timestamptz[]'],
  ],
  request_history: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['request_id', 'uuid[]'],
    ['from_status', 'text[]'],
    ['to_status', 'text[]'],
    ['action', 'text[]'],
    ['actor_id', 'uuid[]'],
    ['actor_name', 'text[]'],
    ['note', 'text[]'],
    ['at', 'timestamptz[]'],
  ],
  deliveries: [
    ['id', 'uuid[]'],
    ['organization_id', 'uuid[]'],
    ['request_id', 'uuid[]'],
    ['delivered_on', 'date[]'],
    ['description', 'text[]'],
    ['quantity', 'numeric[]'],
    ['amount', 'numeric[]'],
    ['delivered_by', 'uuid[]'],
    ['created_at', 'timestamptz[]'],
  ],
};

const insertSql = Object.fromEntries(
  Object.entries(columns).map(([table, cols]) => {
    const names = cols.map((c) => c[0]);
    const params = cols.map((c, i) => `$${i + 1}::${c[1]}`).join(', ');
    const select = cols.map((c) => c[2] ?? c[0]).join(', ');
    return [
      table,
      `insert into ${table} (${names.join(', ')}) select ${select} from unnest(${params}) as u(${names.join(', ')})`,
    ];
  }),
) as Record<keyof Tables, string>;

async function insertRows(
  client: pg.PoolClient | pg.Pool,
  table: keyof Tables,
  rows: Record<string, unknown>[],
) {
  if (rows.length === 0) return;
  const cols = columns[table];
  const arrays = cols.map(([name]) => rows.map((r) => r[name] ?? null));
  await client.query(insertSql[table], arrays);
}

export const loadedTables = Object.keys(columns) as (keyof Tables)[];

const orgNames = [
  ['جمعية البر الخيرية بالرياض', 'Al-Birr Charity Association, Riyadh'],
  ['جمعية رعاية الأيتام بجدة', 'Orphan Care Association, Jeddah'],
  ['جمعية الإحسان الخيرية بمكة المكرمة', 'Al-Ihsan Charity Association, Makkah'],
  ['جمعية التنمية الأسرية بالدمام', 'Family Development Association, Dammam'],
  ['جمعية الوفاء لرعاية المسنين بالمدينة المنورة', 'Al-Wafa Elderly Care Association, Madinah'],
] as const;

const staffSpec = [
  ['admin', 'admin', 'منيرة سعد الدوسري'],
  ['manager', 'manager', 'عبدالعزيز فهد العتيبي'],
  ['relations1', 'relations_officer', 'سارة أحمد الزهراني'],
  ['relations2', 'relations_officer', 'فيصل ناصر الحربي'],
  ['relations3', 'relations_officer', 'نوف محمد الشهري'],
  ['relations4', 'relations_officer', 'تركي سعود المطيري'],
  ['supervisor', 'supervisor', 'فهد سعيد القحطاني'],
  ['researcher', 'researcher', 'منى علي الغامدي'],
  ['committee', 'committee_member', 'عبدالرحمن ناصر العنزي'],
  ['service', 'service_officer', 'ريم خالد المالكي'],
  ['quality', 'quality_officer', 'هند سالم الشمري'],
  ['auditor', 'auditor', 'ماجد فيصل السبيعي'],
] as const;

const serviceSpecs = [
  [
    'سلة غذائية شهرية',
    'Monthly food basket',
    ['national_id', 'family_card'],
    'monthly',
    14,
    ['استلام بطاقة الصرف'],
  ],
  [
    'إعانة سداد الإيجار',
    'Rent assistance',
    ['national_id', 'lease', 'income_proof'],
    'one_off',
    21,
    ['توقيع محضر الاستلام'],
  ],
  [
    'كفالة يتيم',
    'Orphan sponsorship',
    ['national_id', 'family_card', 'death_certificate'],
    'monthly',
    30,
    ['فتح ملف الكفالة'],
  ],
  ['أجهزة طبية', 'Medical equipment', ['national_id', 'medical_report'], 'one_off', 14, []],
] as const;

/** Beneficiaries per organization: Zipf-like, the first organization the largest. */
export function orgSizes(total: number, orgs: number): number[] {
  const weights = Array.from({ length: orgs }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((total * w) / sum));
  sizes[0]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

async function setupOrganization(pool: pg.Pool, seed: number, index: number, passwordHash: string) {
  const rng = createRng(hashString(`${seed}:org:${index}`));
  const id = rng.uuid();
  const [nameAr, nameEn] = orgNames[index % orgNames.length]!;
  const suffix = index >= orgNames.length ? ` ${index + 1}` : '';
  await pool.query(
    // Every association has its public address (/p/<slug>, issue 14).
    'insert into organizations (id, name_ar, name_en, slug, settings) values ($1, $2, $3, $4, $5::jsonb)',
    [
      id,
      nameAr + suffix,
      nameEn + suffix,
      `bench-${index + 1}`,
      JSON.stringify(defaultOrganizationSettings()),
    ],
  );
  await pool.query(
    'insert into declaration_texts (organization_id, version, body_ar, body_en) values ($1, 1, $2, $3)',
    [id, defaultDeclarationText.bodyAr, defaultDeclarationText.bodyEn],
  );
  const staff: StaffIds = {
    relations: [],
    supervisor: '',
    researcher: '',
    committee: '',
    service: '',
    names: {},
  };
  const staffEmail: Record<string, string> = {};
  for (const [handle, role, name] of staffSpec) {
    const userId = rng.uuid();
    const email = `${handle}@org${index + 1}.${benchEmailDomain}`;
    await pool.query(
      'insert into users (id, organization_id, email, full_name, password_hash, roles) values ($1, $2, $3, $4, $5, $6)',
      [userId, id, email, name, passwordHash, [role]],
    );
    staff.names[userId] = name;
    staffEmail[handle] = email;
    if (role === 'relations_officer') staff.relations.push(userId);
    if (role === 'supervisor') staff.supervisor = userId;
    if (role === 'researcher') staff.researcher = userId;
    if (role === 'committee_member') staff.committee = userId;
    if (role === 'service_officer') staff.service = userId;
  }
  const services: ServiceSpec[] = [];
  for (const [nameAr, nameEn, docs, recurrence, days, checklist] of serviceSpecs) {
    const serviceId = rng.uuid();
    await pool.query(
      `insert into services (id, organization_id, name_ar, name_en, required_documents, verification, decision_days,
         recurrence, registration_checklist) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [serviceId, id, nameAr, nameEn, docs, ['documents'], days, recurrence, checklist],
    );
    services.push({
      id: serviceId,
      nameAr,
      requiredDocuments: [...docs],
      recurrence,
      decisionDays: days,
      registrationChecklist: [...checklist],
    });
  }
  return { id, nameAr: nameAr + suffix, staff, services, staffEmail };
}

interface IndexDef {
  name: string;
  def: string;
}

async function dropSecondaryIndexes(pool: pg.Pool): Promise<IndexDef[]> {
  const { rows } = await pool.query<IndexDef>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class t on t.oid = i.indrelid
       left join pg_constraint c on c.conindid = i.indexrelid
      where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
        and not i.indisprimary and c.oid is null`,
    [loadedTables],
  );
  for (const r of rows) await pool.query(`drop index ${r.name}`);
  return rows;
}

async function rebuildIndexes(pool: pg.Pool, defs: IndexDef[]) {
  // The two GIN indexes of the name search are the slowest: start them first, two at a time.
  const queue = [...defs].sort((a, b) => Number(b.def.includes('gin')) - Number(a.def.includes('gin')));
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query("set maintenance_work_mem = '512MB'");
      for (let d = queue.shift(); d; d = queue.shift()) await client.query(d.def);
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
}

/**
 * Session settings for the load only: no waiting for WAL flushes, and no FK triggers (the generator
 * writes parents before children) when the role may set session_replication_role (superuser).
 */
async function openLoadPool(connectionString: string): Promise<pg.Pool> {
  const make = (options: string) =>
    new pg.Pool({ connectionString, max: 4, application_name: 'wasl-generate', options });
  const fast = make('-c synchronous_commit=off -c session_replication_role=replica');
  try {
    await fast.query('select 1');
    return fast;
  } catch {
    await fast.end().catch(() => {});
    return make('-c synchronous_commit=off');
  }
}

export async function generateDatabase(options: GenerateOptions): Promise<GenerateSummary> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 4000;
  const started = Date.now();
  const pool = await openLoadPool(options.connectionString);
  pool.on('error', () => {});
  const rows: Record<string, number> = Object.fromEntries(loadedTables.map((t) => [t, 0]));
  let dropped: IndexDef[] = [];
  let indexSeconds = 0;
  try {
    const { rows: existing } = await pool.query<{ n: number }>(
      'select count(*)::int as n from beneficiaries',
    );
    if (existing[0]!.n > 0)
      log(`the database already holds ${existing[0]!.n} beneficiaries; indexes are kept`);
    else dropped = await dropSecondaryIndexes(pool);

    const passwordHash = await hashPassword(benchPassword);
    const calendar = new Calendar(options.anchor);
    const ids = { next: 0, offset: hashString(`ids:${options.seed}`) % 100_000_000 };
    const sizes = orgSizes(options.beneficiaries, options.orgs);
    const orgs: GeneratedOrg[] = [];
    let done = 0;
    let lastLog = Date.now();
    for (let o = 0; o < options.orgs; o++) {
      const org = await setupOrganization(pool, options.seed, o, passwordHash);
      const ctx: OrgContext = {
        id: org.id,
        seed: options.seed,
        rng: createRng(hashString(`${options.seed}:people:${o}`)),
        uuid: uuidFactory(options.seed, o),
        staff: org.staff,
        services: org.services,
        calendar,
        ids,
        requestCounter: { value: 0 },
        requestScale: options.requestsPerBeneficiary
          ? options.requestsPerBeneficiary / naturalRequestsPerBeneficiary
          : 1,
      };
      const inFlight: Promise<void>[] = [];
      for (let start = 0; start < sizes[o]!; start += batchSize) {
        const tables = emptyTables();
        const end = Math.min(sizes[o]!, start + batchSize);
        for (let i = start; i < end; i++) generateBeneficiary(ctx, i, tables);
        for (const t of loadedTables) rows[t]! += tables[t].length;
        if (inFlight.length >= 2) await inFlight.shift();
        inFlight.push(
          (async () => {
            await insertRows(pool, 'beneficiaries', tables.beneficiaries);
            await Promise.all([
              insertRows(pool, 'household_members', tables.household_members),
              insertRows(pool, 'beneficiary_documents', tables.beneficiary_documents),
              (async () => {
                await insertRows(pool, 'declarations', tables.declarations);
                await insertRows(pool, 'consents', tables.consents);
                await insertRows(pool, 'interactions', tables.interactions);
              })(),
              (async () => {
                await insertRows(pool, 'requests', tables.requests);
                await insertRows(pool, 'request_history', tables.request_history);
                await insertRows(pool, 'deliveries', tables.deliveries);
              })(),
            ]);
          })(),
        );
        done += end - start;
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          const rate = Math.round(done / ((Date.now() - started) / 1000));
          log(
            `  ${done.toLocaleString('en')} / ${options.beneficiaries.toLocaleString('en')} beneficiaries (${rate}/s)`,
          );
        }
      }
      await Promise.all(inFlight);
      await pool.query(
        `insert into organization_counters (organization_id, name, value) values ($1, 'beneficiary', $2), ($1, 'request', $3)
         on conflict (organization_id, name) do update set value = excluded.value`,
        [org.id, sizes[o], ctx.requestCounter.value],
      );
      // The numbers come from the association's sequences (migration 0034); the trigger that makes them when
      // an association is inserted does not run during the load (triggers are off), so they are made here.
      await pool.query(
        `select wasl_create_number_sequence($1, 'beneficiary'), wasl_create_number_sequence($1, 'request')`,
        [org.id],
      );
      await pool.query(
        `select setval(wasl_number_sequence($1, 'beneficiary'), greatest($2, 1), $2 > 0),
                setval(wasl_number_sequence($1, 'request'), greatest($3, 1), $3 > 0)`,
        [org.id, sizes[o], ctx.requestCounter.value],
      );
      orgs.push({ id: org.id, nameAr: org.nameAr, beneficiaries: sizes[o]!, staffEmail: org.staffEmail });
    }
    // Stays in each stage (migration 0028) are written by a trigger when a request's status changes; a
    // bulk load changes none, so they are rebuilt from the loaded history.
    log('request stage stays from the history');
    await pool.query('select request_stage_stays_rebuild()');
    // The same for the decisions, the open requests' counts, the rejections by reason and the stays by
    // month (migration 0033; the month rows are summed from the day rows rebuilt just above).
    log('request decisions, open counts, rejections, stays by month');
    await pool.query('select request_open_counts_rebuild()');
    // The search vocabulary (migration 0032) is kept by a trigger, which a bulk load bypasses.
    log('name search vocabulary');
    await pool.query('select beneficiary_name_vocabulary_rebuild()');
    const loaded = Date.now();
    if (dropped.length) {
      log(`rebuilding ${dropped.length} indexes`);
      await rebuildIndexes(pool, dropped);
      dropped = [];
    }
    const indexed = Date.now();
    indexSeconds = (indexed - loaded) / 1000;
    // VACUUM too: a bulk-loaded table has no visibility map yet, so an index-only scan would still read
    // every heap page, which a running server's autovacuum soon makes untrue.
    log('VACUUM ANALYZE');
    await pool.query('vacuum analyze');
    const analyzed = Date.now();
    return {
      seed: options.seed,
      anchor: options.anchor,
      beneficiaries: options.beneficiaries,
      orgs,
      password: benchPassword,
      rows,
      seconds: {
        total: (analyzed - started) / 1000,
        load: (loaded - started) / 1000,
        indexes: indexSeconds,
        analyze: (analyzed - indexed) / 1000,
      },
    };
  } finally {
    // Nothing stays disabled: indexes dropped for the load come back even when the load failed.
    if (dropped.length)
      await rebuildIndexes(pool, dropped).catch((err) => log(`index rebuild failed: ${err}`));
    await pool.end();
  }
}
