/**
 * The limit each endpoint is compared with: a bare Fastify server, each route one SQL statement on a
 * pg pool of the same size as the app's (10), no session, audit, validation or presentation. Started by
 * bench/run.ts as its own process (so it does not share an event loop with the load generator), on
 * the same database as the server under test. Env: DATABASE_URL, PORT, ORG_ID, USER_ID, SERVICE_ID.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { bareSql, dashboardParams, dashboardSql } from './lib/queries';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const org = env('ORG_ID');
const user = env('USER_ID');
const service = env('SERVICE_ID');
const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 10, application_name: 'wasl-bare' });
pool.on('error', () => {});
const app = Fastify({ logger: false });

app.get<{ Querystring: { q: string } }>('/bare/search', async (req) => ({
  items: (await pool.query(bareSql.search, [org, req.query.q])).rows,
}));
app.get<{ Querystring: { q: string } }>('/bare/search-trgm', async (req) => ({
  items: (await pool.query(bareSql.searchTrigram, [org, req.query.q])).rows,
}));
app.get<{ Params: { id: string } }>('/bare/beneficiaries/:id', async (req) => {
  return (await pool.query(bareSql.profile, [org, req.params.id])).rows[0] ?? null;
});
app.post<{ Body: { beneficiaryId: string } }>('/bare/requests', async (req, reply) => {
  const { rows } = await pool.query(bareSql.createRequest, [org, req.body.beneficiaryId, service, user]);
  return reply.status(201).send(rows[0]);
});
app.post<{ Params: { id: string } }>('/bare/requests/:id/transitions', async (req) => {
  return (await pool.query(bareSql.transition, [org, req.params.id])).rows[0] ?? null;
});
app.get('/bare/requests/queue', async () => ({ items: (await pool.query(bareSql.queue, [org])).rows }));
app.get('/bare/requests/queues', async () => ({
  queues: (await pool.query(bareSql.dashboard, [org, user])).rows,
}));
// The dashboard's main statements, one after the other on one connection (as the service's transaction).
app.get('/bare/dashboards/overview', async () => {
  const client = await pool.connect();
  try {
    const params = dashboardParams(org);
    const out: Record<string, unknown[]> = {};
    for (const [name, text] of Object.entries(dashboardSql)) {
      const values = name === 'open' ? params.open : name === 'reasons' ? params.instants : params.days;
      out[name] = (await client.query(text, values)).rows;
    }
    return out;
  } finally {
    client.release();
  }
});
app.get('/bare/ready', async () => ({ ok: true }));

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
await app.listen({ host: '127.0.0.1', port: Number(env('PORT')) });
