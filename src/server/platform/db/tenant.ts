import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** The application's query builder (database.ts), named here without importing it (no cycle). */
type Db = NodePgDatabase;

/**
 * The association a piece of work runs for (decision 011). Inside `withTenant`, every query made
 * through the application's `db` — whichever service or repository makes it — runs in one
 * transaction that declared `app.organization_id`, so PostgreSQL's row-level security shows and
 * accepts only that association's rows. Outside any scope the same `db` sees no association row.
 */
export interface TenantScope {
  organizationId: string;
  /** The staff member acting, for the database's own records; null for system work. */
  userId: string | null;
}

type TxDb = Parameters<Parameters<Db['transaction']>[0]>[0];

interface ScopeState {
  owner: object;
  scope: TenantScope;
  tx: TxDb;
  afterCommit: Array<() => unknown>;
  /** Audit rows written in this scope (so a read is audited once, by its service or by its route). */
  audits: number;
  finished: boolean;
}

const storage = new AsyncLocalStorage<ScopeState>();
const baseOf = Symbol('wasl.baseDb');

/** The transaction of the current scope, when `db` is the scoped database it was opened on. */
function activeTx(owner: object): TxDb | null {
  const state = storage.getStore();
  if (!state || state.owner !== owner) return null;
  if (state.finished) throw new Error('the request transaction has already ended');
  return state.tx;
}

/**
 * Wraps a Drizzle database so that, inside a tenant scope, every call goes to the scope's transaction
 * (and `db.transaction()` becomes a savepoint in it). Repositories and services keep taking `db`.
 */
export function scopedDatabase(base: Db): Db {
  const proxy: Db = new Proxy(base, {
    get(target, prop) {
      if (prop === baseOf) return target;
      const tx = activeTx(proxy);
      const source = (tx ?? target) as unknown as Record<PropertyKey, unknown>;
      const value = source[prop];
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
  return proxy;
}

function baseDb(db: Db): Db {
  const base = (db as unknown as Record<symbol, Db | undefined>)[baseOf];
  if (!base) throw new Error('withTenant needs the scoped database of connectDatabase()');
  return base;
}

/**
 * Runs `fn` for one association, in one transaction: everything it writes commits together or not at
 * all. Nested calls for the same association join the open scope; another association is refused.
 *
 * `commitWhen` lets the HTTP layer commit as soon as the answer is ready — a handler may send its
 * answer itself and then wait for it to be written, so its promise would settle only after the
 * commit it waits for. `rollbackIf` turns a finished piece of work into a rollback (an error answer).
 */
export async function withTenant<T>(
  db: Db,
  scope: TenantScope,
  fn: () => Promise<T>,
  options: {
    commitWhen?: Promise<unknown>;
    rollbackIf?: () => boolean;
    /** Last work inside the transaction, once the answer is ready (e.g. the audit of a read). */
    beforeCommit?: () => Promise<void>;
    /**
     * Commit without waiting for the WAL to reach the disk (`synchronous_commit = off`, decision 028):
     * for reads, whose only writes are their audit rows. Such a commit can be lost only if PostgreSQL
     * itself stops abruptly within a fraction of a second after it; never half of it.
     */
    relaxedCommit?: boolean;
  } = {},
): Promise<T | undefined> {
  const open = storage.getStore();
  if (open && open.owner === db && !open.finished) {
    if (open.scope.organizationId !== scope.organizationId) {
      throw new Error('a tenant scope cannot open another association');
    }
    return fn();
  }
  const state = { owner: db, scope, afterCommit: [], audits: 0, finished: false } as unknown as ScopeState;
  let result: T | undefined;
  try {
    await baseDb(db).transaction(async (tx) => {
      const relaxed = options.relaxedCommit ? sql`, set_config('synchronous_commit', 'off', true)` : sql``;
      await tx.execute(
        sql`select set_config('app.organization_id', ${scope.organizationId}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)${relaxed}`,
      );
      state.tx = tx;
      const run = storage.run(state, fn);
      const first = options.commitWhen
        ? await Promise.race([run.then((value) => ({ value })), options.commitWhen.then(() => null)])
        : { value: await run };
      result = first?.value;
      if (options.rollbackIf?.()) throw new RollbackSignal();
      if (options.beforeCommit) await storage.run(state, options.beforeCommit);
    });
  } catch (err) {
    if (!(err instanceof RollbackSignal)) throw err;
    return result; // rolled back: nothing to follow up
  } finally {
    state.finished = true;
  }
  for (const task of state.afterCommit) {
    try {
      await task();
    } catch {
      // After-commit work is best effort by design (e.g. waking the worker; the sweeper catches up).
    }
  }
  return result;
}

/**
 * For reads: runs `fn` on the open scope's transaction when there is one (the read is already atomic
 * there; a savepoint of its own would cost two round trips and protect nothing), else in a transaction.
 */
export function readTransaction<T>(db: Db, fn: (tx: TxDb) => Promise<T>): Promise<T> {
  const state = storage.getStore();
  if (state && state.owner === db && !state.finished) return fn(state.tx);
  return db.transaction(fn);
}

/** Runs `fn` for one association and returns its result (the form services and jobs use). */
export async function inTenant<T>(db: Db, scope: TenantScope, fn: () => Promise<T>): Promise<T> {
  return (await withTenant(db, scope, fn)) as T;
}

class RollbackSignal extends Error {}

/**
 * Runs `task` once the current scope's transaction has committed (now, when there is no scope).
 * For work that must not see uncommitted rows from elsewhere, e.g. asking the worker to deliver.
 */
export function afterCommit(task: () => unknown): void {
  const state = storage.getStore();
  if (state && !state.finished) state.afterCommit.push(task);
  else void Promise.resolve().then(task);
}

/** Counts an audit row written in the current scope. */
export function noteAuditWritten(): void {
  const state = storage.getStore();
  if (state) state.audits += 1;
}

/** How many audit rows the current scope has written so far. */
export function auditsWritten(): number {
  return storage.getStore()?.audits ?? 0;
}

/**
 * Serialises one kind of change within one association until the transaction ends (e.g. "the next
 * version number of the declaration text"): two requests at once then number their rows one after the
 * other instead of colliding on a unique key.
 */
export async function lockForChange(
  tx: Pick<Db, 'execute'>,
  kind: string,
  organizationId: string,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${kind}:${organizationId}`}, 0))`);
}
