/**
 * What the scenarios work on, drawn from the generated database with the run's seed: beneficiaries to
 * read, beneficiaries that may submit the food-basket request (documents valid, declaration current),
 * submitted requests to move, and people to search for.
 */
import type pg from 'pg';
import { createRng, type Rng } from '../generate/prng';

export interface Fixtures {
  orgId: string;
  userId: string;
  serviceId: string;
  profileIds: string[];
  eligibleIds: string[];
  people: { id: string; name: string }[];
}

function sampleFileNumbers(rng: Rng, population: number, n: number): string[] {
  const picked = new Set<number>();
  const want = Math.min(n, population);
  while (picked.size < want) picked.add(rng.int(1, population));
  return [...picked].map((i) => `B-${String(i).padStart(6, '0')}`);
}

export async function loadFixtures(
  pool: pg.Pool,
  org: { id: string; beneficiaries: number; staffEmail: Record<string, string> },
  seed: number,
): Promise<Fixtures> {
  const rng = createRng(seed ^ 0x5eed);
  const user = await pool.query<{ id: string }>('select id from users where email = $1', [
    org.staffEmail.relations1,
  ]);
  const service = await pool.query<{ id: string }>(
    `select id from services where organization_id = $1 and name_en = 'Monthly food basket'`,
    [org.id],
  );
  const profile = await pool.query<{ id: string }>(
    'select id from beneficiaries where organization_id = $1 and file_number = any($2)',
    [org.id, sampleFileNumbers(rng, org.beneficiaries, 5000)],
  );
  // Submission needs every required document valid and the latest declaration current (requests.service).
  const eligible = await pool.query<{ id: string }>(
    `select b.id from beneficiaries b
      where b.organization_id = $1 and b.file_number = any($2) and b.status = 'active' and b.merged_into is null
        and (select d.data_version = b.data_version
                    and d.text_version = (select max(version) from declaration_texts t where t.organization_id = $1)
               from declarations d where d.beneficiary_id = b.id order by d.signed_at desc limit 1)
        and not exists (
          select 1 from unnest(array['national_id', 'family_card']) as req(type)
           where not exists (select 1 from beneficiary_documents x
                              where x.beneficiary_id = b.id and x.type = req.type
                                and (x.expiry_date is null or x.expiry_date >= current_date)))`,
    [org.id, sampleFileNumbers(rng, org.beneficiaries, 6000)],
  );
  const people = await pool.query<{ id: string; name: string }>(
    `select id, full_name_ar as name from beneficiaries
      where organization_id = $1 and file_number = any($2) and merged_into is null order by file_number`,
    [org.id, sampleFileNumbers(rng, org.beneficiaries, 400)],
  );
  return {
    orgId: org.id,
    userId: user.rows[0]!.id,
    serviceId: service.rows[0]!.id,
    profileIds: profile.rows.map((r) => r.id),
    eligibleIds: eligible.rows.map((r) => r.id),
    people: people.rows,
  };
}

/**
 * Submitted requests for the transition scenario: the generated ones plus, when there are fewer than
 * `want`, more inserted directly (bench fixtures, numbered T-…; the app's own numbering is untouched).
 */
export async function submittedRequests(pool: pg.Pool, f: Fixtures, want: number): Promise<string[]> {
  const have = await pool.query<{ id: string }>(
    `select id from requests where organization_id = $1 and status = 'submitted' limit $2`,
    [f.orgId, want],
  );
  const missing = want - have.rows.length;
  if (missing <= 0 || f.eligibleIds.length === 0) return have.rows.map((r) => r.id);
  const copies = Math.ceil(missing / f.eligibleIds.length);
  // Inserted with the triggers off, then the counts rebuilt: in one statement, tens of thousands of rows
  // of one count key would each rewrite that key's row in the same transaction (0033), each pass slower.
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    const added = await client.query<{ id: string }>(
      `with added as (
       insert into requests (organization_id, number, beneficiary_id, service_id, channel, status, submitted_at,
                             expected_decision_at, stage_entered_at, created_by)
       select $1, 'T-' || gen_random_uuid(), e.bid, $3, 'in_person', 'submitted', now(), now() + interval '20 days', now(), $4
         from unnest($2::uuid[]) as e(bid), generate_series(1, $5)
        limit $6
       returning id, organization_id)
     , history as (
       insert into request_history (organization_id, request_id, from_status, to_status, action, actor_id)
       select organization_id, id, null, 'submitted', 'submit', $4 from added)
     select id from added`,
      [f.orgId, f.eligibleIds, f.serviceId, f.userId, copies, missing],
    );
    await client.query('set local session_replication_role = origin');
    await client.query(`select set_config('app.organization_id', $1, true)`, [f.orgId]);
    await client.query('select request_open_counts_rebuild()');
    await client.query('commit');
    return [...have.rows, ...added.rows].map((r) => r.id);
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

export function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
