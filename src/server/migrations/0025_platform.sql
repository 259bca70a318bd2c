-- Many associations on one install (issue 14, item 8): the platform operator and suspended associations.
-- The operator right is not an association role: it opens only /api/v1/platform/, never any case.
ALTER TABLE organizations ADD COLUMN status text NOT NULL DEFAULT 'active'
  CONSTRAINT organizations_status_check CHECK (status IN ('active', 'suspended'));
--> statement-breakpoint
ALTER TABLE users ADD COLUMN platform_operator boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- An install set up before this migration: its first administrator (the one setup created) becomes the
-- operator. The owner lifts the forced policy for this one statement only (no association is declared).
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE users SET platform_operator = true
  WHERE id = (SELECT id FROM users WHERE 'admin' = ANY (roles) ORDER BY created_at, id LIMIT 1);
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The session actor now says whether the user is an operator; a suspended association's sessions end.
DROP FUNCTION app_session_actor(text, timestamptz);
--> statement-breakpoint
CREATE FUNCTION app_session_actor(p_token_hash text, p_now timestamptz)
  RETURNS TABLE (session_id text, last_seen_at timestamptz, user_id uuid, organization_id uuid,
                 full_name text, email text, roles text[], platform_operator boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.last_seen_at, u.id, u.organization_id, u.full_name, u.email, u.roles, u.platform_operator
    FROM sessions s
      JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id
      JOIN organizations o ON o.id = u.organization_id
    WHERE s.id = p_token_hash AND s.expires_at > p_now AND u.status = 'active' AND o.status = 'active'
  $$;
--> statement-breakpoint
-- A suspended association's portal and public pages answer as if it did not exist.
CREATE OR REPLACE FUNCTION app_portal_organization(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE slug = p_slug AND status = 'active' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_portal_session(p_token_hash text, p_now timestamptz)
  RETURNS TABLE (session_id text, last_seen_at timestamptz, organization_id uuid, beneficiary_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.last_seen_at, s.organization_id, s.beneficiary_id FROM portal_sessions s
      JOIN organizations o ON o.id = s.organization_id
    WHERE s.id = p_token_hash AND s.expires_at > p_now AND s.absolute_expires_at > p_now
      AND o.status = 'active'
  $$;
--> statement-breakpoint
-- Whether a slug is held by any association, suspended ones included (new associations' slugs).
CREATE FUNCTION app_platform_slug_taken(p_slug text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = p_slug) $$;
--> statement-breakpoint
-- The operator's list: each association with counts only — never a person's name or any case. The
-- beneficiaries' policy shows one association at a time even to a definer (0014), so each is declared
-- in turn, and the caller's declaration is put back at the end.
CREATE FUNCTION app_platform_organizations()
  RETURNS TABLE (id uuid, name_ar text, name_en text, slug text, status text, created_at timestamptz,
                 users integer, beneficiaries integer)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
#variable_conflict use_column
DECLARE
  o record;
  v_previous text := coalesce(current_setting('app.organization_id', true), '');
BEGIN
  FOR o IN SELECT org.id, org.name_ar, org.name_en, org.slug, org.status, org.created_at
           FROM organizations org ORDER BY org.created_at, org.id LOOP
    PERFORM set_config('app.organization_id', o.id::text, true);
    id := o.id;
    name_ar := o.name_ar;
    name_en := o.name_en;
    slug := o.slug;
    status := o.status;
    created_at := o.created_at;
    users := (SELECT count(*)::int FROM users u WHERE u.organization_id = o.id);
    beneficiaries := (SELECT count(*)::int FROM beneficiaries b WHERE b.organization_id = o.id);
    RETURN NEXT;
  END LOOP;
  PERFORM set_config('app.organization_id', v_previous, true);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_session_actor(text, timestamptz), app_platform_slug_taken(text),
  app_platform_organizations() FROM PUBLIC;
