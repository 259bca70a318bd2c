-- Tenant isolation in PostgreSQL itself (decision 011). Every table that carries organization_id gets
-- row-level security, forced (the table owner is bound too), with one policy: a row is visible and
-- writable only when its organization is the one the transaction declared with
-- `set_config('app.organization_id', …, true)`. A query written without an organization filter still
-- returns only the actor's association; outside any declared organization it returns nothing.
--
-- The only way around the policy is to run inside one of the narrow SECURITY DEFINER functions below
-- (the policy lets a definer through: there current_user, the function's owner, differs from
-- session_user, the role that connected). The application role is a member of no other role, so it
-- cannot SET ROLE its way to the same condition.

CREATE FUNCTION app_current_organization() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_in_definer() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT current_user <> session_user $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    IF t = 'audit_events' THEN
      -- A failed sign-in with an unknown e-mail belongs to no association: such rows may be written
      -- by anyone and read by no association.
      EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
        USING (organization_id = app_current_organization() OR app_in_definer())
        WITH CHECK (organization_id = app_current_organization() OR organization_id IS NULL OR app_in_definer())$p$, t);
    ELSE
      EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
        USING (organization_id = app_current_organization() OR app_in_definer())
        WITH CHECK (organization_id = app_current_organization() OR app_in_definer())$p$, t);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations
  USING (id = app_current_organization() OR app_in_definer())
  WITH CHECK (id = app_current_organization() OR app_in_definer());
--> statement-breakpoint

-- The cross-association reads, each as narrow as its caller needs.

-- Session lookup by the hash of the cookie's token: the actor, when the session is alive.
CREATE FUNCTION app_session_actor(p_token_hash text, p_now timestamptz)
  RETURNS TABLE (session_id text, last_seen_at timestamptz, user_id uuid, organization_id uuid,
                 full_name text, email text, roles text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.last_seen_at, u.id, u.organization_id, u.full_name, u.email, u.roles
    FROM sessions s JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id
    WHERE s.id = p_token_hash AND s.expires_at > p_now AND u.status = 'active'
  $$;
--> statement-breakpoint
-- Sign-in: which association an e-mail belongs to (e-mails are unique across the install).
CREATE FUNCTION app_login_organization(p_email text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT organization_id FROM users WHERE email = p_email $$;
--> statement-breakpoint
-- First-run setup: is there any user at all?
CREATE FUNCTION app_setup_done() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM users) $$;
--> statement-breakpoint
-- The worker: the association of one outbox message, and the messages waiting too long.
CREATE FUNCTION app_outbox_organization(p_message_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT organization_id FROM outbox_messages WHERE id = p_message_id $$;
--> statement-breakpoint
CREATE FUNCTION app_stale_outbox_messages(p_limit integer)
  RETURNS TABLE (id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT id, organization_id FROM outbox_messages
    WHERE status = 'queued' AND created_at < now() - interval '30 seconds'
    ORDER BY created_at LIMIT p_limit
  $$;
--> statement-breakpoint
-- Housekeeping: expired sessions of every association.
CREATE FUNCTION app_delete_expired_sessions() RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ WITH d AS (DELETE FROM sessions WHERE expires_at < now() RETURNING 1) SELECT count(*)::int FROM d $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_session_actor(text, timestamptz), app_login_organization(text), app_setup_done(),
  app_outbox_organization(uuid), app_stale_outbox_messages(integer), app_delete_expired_sessions() FROM PUBLIC;
