import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { migrationsApplied } from '../../platform/db/database';

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.boolean(),
  migrations: z.object({ applied: z.number(), expected: z.number() }),
});

export const healthRoutes =
  (pool: pg.Pool): FastifyPluginAsyncZod =>
  async (app) => {
    // The process is alive and serving HTTP; says nothing of its dependencies.
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );

    // Ready to take traffic: the database answers and every committed migration is applied.
    app.get(
      '/readyz',
      {
        config: { access: 'public' },
        schema: { tags: ['operations'], response: { 200: readySchema, 503: readySchema } },
      },
      async (_request, reply) => {
        let database = false;
        try {
          await pool.query('select 1');
          database = true;
        } catch {
          database = false;
        }
        const migrations = database ? await migrationsApplied(pool) : { applied: 0, expected: 0 };
        const ready = database && migrations.applied >= migrations.expected && migrations.expected > 0;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'not_ready', database, migrations });
      },
    );
  };
