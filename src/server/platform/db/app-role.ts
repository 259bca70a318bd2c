import { createHmac } from 'node:crypto';
import type pg from 'pg';

/**
 * The application's own PostgreSQL role (decision 011). The owner's connection runs migrations; the
 * application connects as a role that owns nothing, is no superuser and cannot bypass row-level
 * security, so the policies bind every query it makes.
 *
 * When the operator gives no DATABASE_APP_URL, the owner creates that role itself, with a password
 * derived from the owner's credentials: every app node that shares DATABASE_URL computes the same one,
 * and no one without the owner's password can.
 */
export const defaultAppRole = 'wasl_app';

const rolePattern = /^[a-z_][a-z0-9_]{0,62}$/;

export function appRolePassword(ownerConnectionString: string, role: string): string {
  const owner = new URL(ownerConnectionString);
  const secret = decodeURIComponent(owner.password) || ownerConnectionString;
  return createHmac('sha256', secret).update(`wasl-application-role:${role}`).digest('base64url');
}

/** The owner's URL with the application role's user name and password. */
export function appConnectionString(ownerConnectionString: string, role = defaultAppRole): string {
  const url = new URL(ownerConnectionString);
  url.username = role;
  url.password = appRolePassword(ownerConnectionString, role);
  return url.toString();
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates the application role if missing and grants it what the application does — data rights on
 * the tables, the named cross-association functions — and nothing else. Run by the owner, under the
 * migration lock, on every start (idempotent; later migrations' tables are covered too).
 */
export async function provisionAppRole(
  owner: pg.PoolClient,
  ownerConnectionString: string,
  role = defaultAppRole,
): Promise<void> {
  if (!rolePattern.test(role)) throw new Error(`invalid application role name: ${role}`);
  const password = appRolePassword(ownerConnectionString, role);
  const { rows } = await owner.query<{ exists: boolean }>(
    'select exists (select 1 from pg_roles where rolname = $1) as exists',
    [role],
  );
  try {
    if (!rows[0]?.exists) {
      await owner.query(
        `create role ${role} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password ${quoteLiteral(password)}`,
      );
    } else {
      // Same derived password every time; refreshed in case the owner's password changed.
      await owner.query(`alter role ${role} password ${quoteLiteral(password)}`);
    }
  } catch (err) {
    throw new Error(
      `The database owner cannot create or update the application role "${role}" (${(err as Error).message}). ` +
        'Give the owner CREATEROLE, or create a login role that owns nothing and set DATABASE_APP_URL to it.',
    );
  }
  await grantAppRole(owner, role);
}

/** The grants of the application role in the current database. */
export async function grantAppRole(owner: pg.PoolClient, role: string): Promise<void> {
  const { rows } = await owner.query<{ db: string }>('select current_database() as db');
  const database = rows[0]!.db.replaceAll('"', '""');
  await owner.query(`
    grant connect, temporary on database "${database}" to ${role};
    grant usage on schema public to ${role};
    grant select, insert, update, delete on all tables in schema public to ${role};
    revoke update, delete, truncate on audit_events from ${role};
    grant usage, select on all sequences in schema public to ${role};
    grant execute on function app_session_actor(text, timestamptz), app_login_organization(text),
      app_setup_done(), app_outbox_organization(uuid), app_stale_outbox_messages(integer),
      app_delete_expired_sessions(), app_portal_organization(text), app_portal_session(text, timestamptz),
      app_delete_expired_portal_sessions(),
      app_organizations_with_due_appointments(timestamptz, timestamptz),
      app_survey_invitation_organization(text), app_organizations_for_periodic_surveys(),
      app_platform_slug_taken(text), app_platform_organizations() to ${role};
    grant execute on function app_organizations_for_policy_reminders() to ${role};
    grant execute on function app_organizations_for_monthly_reports() to ${role};
    grant execute on function app_beneficiary_name_matches(text[], text[]),
      app_name_vocabulary_similar(text[], integer) to ${role};
    grant execute on function wasl_next_number(uuid, text) to ${role};
    grant usage on schema drizzle to ${role};
    grant select on drizzle.__drizzle_migrations to ${role};
  `);
}

/**
 * Refuses a connection whose role would bypass the policies: a superuser, a role with BYPASSRLS, or
 * the owner of an association table (who could switch the policies off).
 */
export async function assertAppRoleIsBound(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{
    role: string;
    rolsuper: boolean;
    rolbypassrls: boolean;
    owns: number;
  }>(`
    select r.rolname as role, r.rolsuper, r.rolbypassrls,
      (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and pg_has_role(current_user, c.relowner, 'usage')) as owns
    from pg_roles r where r.rolname = current_user`);
  const row = rows[0];
  if (!row) throw new Error('could not read the application role');
  const reasons = [
    row.rolsuper && 'is a superuser',
    row.rolbypassrls && 'has BYPASSRLS',
    row.owns > 0 && `owns (or is a member of the owner of) ${row.owns} tables`,
  ].filter(Boolean);
  if (reasons.length > 0) {
    throw new Error(
      `The application role "${row.role}" ${reasons.join(', ')}: it would bypass row-level security. ` +
        'Set DATABASE_APP_URL to a login role that owns nothing and is neither superuser nor BYPASSRLS ' +
        '(or leave it unset: the owner in DATABASE_URL then creates one).',
    );
  }
}
