import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Tx } from '../../platform/db/database';
import { closeRowsCursor, declareRowsCursor, fetchRowsCursor } from './platform.repository';

export type ExportSnapshot = Awaited<ReturnType<typeof openExportSnapshot>>;

/**
 * One consistent read of an association for its archive: a `REPEATABLE READ READ ONLY` transaction on a
 * connection of its own (the download outlives any request scope), in the association's scope as
 * `withTenant` declares it, so row-level security still shows only that association's rows.
 *
 * It ends exactly once — `end(true)` after the last table, `end(false)` when the download stops first —
 * and refuses any query asked after that; the end waits for the query in flight, so no statement ever
 * reaches a connection that went back to the pool.
 */
export async function openExportSnapshot(pool: pg.Pool, organizationId: string) {
  const client = await pool.connect();
  // A checked-out client has no error listener of the pool: losing the connection while the download
  // waits for a slow client would otherwise crash the process. The next query fails instead.
  let lost: Error | null = null;
  const onError = (err: Error) => {
    lost = err;
  };
  client.on('error', onError);
  try {
    await client.query('begin isolation level repeatable read read only');
    // A client that stops reading for ten minutes loses its download rather than keeping one of the
    // pool's connections (and an old snapshot that holds back vacuum) for ever.
    await client.query(
      `select set_config('app.organization_id', $1, true), set_config('app.user_id', '', true),
              set_config('idle_in_transaction_session_timeout', '10min', true)`,
      [organizationId],
    );
  } catch (err) {
    client.removeListener('error', onError);
    client.release(err as Error);
    throw err;
  }
  // Drizzle on the client, not pg directly: rows come back parsed as every other read of the app does.
  const tx: Tx = drizzle(client);
  let inFlight: Promise<unknown> = Promise.resolve();
  let ended: Promise<void> | null = null;

  function run<T>(query: (tx: Tx) => Promise<T>): Promise<T> {
    if (ended || lost) return Promise.reject(lost ?? new Error('the export snapshot has ended'));
    const result = query(tx);
    inFlight = result.catch(() => undefined);
    return result;
  }

  function end(completed: boolean): Promise<void> {
    ended ??= (async () => {
      await inFlight;
      try {
        if (lost) throw lost;
        await client.query(completed ? 'commit' : 'rollback');
        client.removeListener('error', onError);
        client.release();
      } catch (err) {
        client.removeListener('error', onError);
        client.release(err as Error); // a broken connection is dropped, not handed out again
      }
    })();
    return ended;
  }

  return {
    run,
    end,
    /** One table's rows of the association, `size` at a time, through a server-side cursor. */
    async *batches(table: string, size: number): AsyncGenerator<Record<string, unknown>[]> {
      await run((t) => declareRowsCursor(t, table, organizationId));
      for (;;) {
        const rows = await run((t) => fetchRowsCursor(t, size));
        if (rows.length > 0) yield rows;
        if (rows.length < size) break;
      }
      await run((t) => closeRowsCursor(t));
    },
  };
}
