CREATE TABLE "portal_codes" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"national_id" text NOT NULL,
	"purpose" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"salt" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	CONSTRAINT "portal_codes_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_locks" (
	"organization_id" uuid NOT NULL,
	"national_id" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "portal_locks_pkey" PRIMARY KEY("organization_id","national_id")
);
--> statement-breakpoint
CREATE TABLE "portal_registrations" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"state" text DEFAULT 'in_progress' NOT NULL,
	"duplicate_matches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_registrations_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "portal_sessions_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "slug" text;--> statement-breakpoint
-- Existing associations get a slug from their English name (letters and digits, hyphens between), made
-- unique with the start of their id; an admin may change it in the settings.
UPDATE "organizations" SET "slug" = left(coalesce(nullif(trim(both '-' from regexp_replace(lower(name_en), '[^a-z0-9]+', '-', 'g')), ''), 'association'), 32) || '-' || left(id::text, 6);--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "sender" text;--> statement-breakpoint
ALTER TABLE "portal_codes" ADD CONSTRAINT "portal_codes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_locks" ADD CONSTRAINT "portal_locks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_registrations" ADD CONSTRAINT "portal_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_registrations" ADD CONSTRAINT "portal_registrations_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_registrations" ADD CONSTRAINT "portal_registrations_decided_by_fk" FOREIGN KEY ("organization_id","decided_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_codes_lookup_idx" ON "portal_codes" USING btree ("organization_id","national_id","purpose","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_registrations_beneficiary_key" ON "portal_registrations" USING btree ("organization_id","beneficiary_id");--> statement-breakpoint
CREATE INDEX "portal_registrations_queue_idx" ON "portal_registrations" USING btree ("organization_id","state","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_sessions_id_key" ON "portal_sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "portal_sessions_expires_idx" ON "portal_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
-- Row-level security on the portal's tables, as on every association table (decisions 011 and 0014).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['portal_codes', 'portal_locks', 'portal_registrations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Portal sessions are found by their token's hash before the association is known, like staff sessions.
ALTER TABLE portal_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON portal_sessions
  USING (organization_id = app_current_organization() OR app_in_definer())
  WITH CHECK (organization_id = app_current_organization() OR app_in_definer());
--> statement-breakpoint
-- The portal names its association by slug before anyone is signed in: the definer clause comes back on
-- organizations (looked up by key only) for the one function that reads it.
ALTER POLICY tenant_isolation ON organizations
  USING (id = app_current_organization() OR app_in_definer())
  WITH CHECK (id = app_current_organization());
--> statement-breakpoint
CREATE FUNCTION app_portal_organization(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE slug = p_slug $$;
--> statement-breakpoint
CREATE FUNCTION app_portal_session(p_token_hash text, p_now timestamptz)
  RETURNS TABLE (session_id text, last_seen_at timestamptz, organization_id uuid, beneficiary_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.last_seen_at, s.organization_id, s.beneficiary_id FROM portal_sessions s
    WHERE s.id = p_token_hash AND s.expires_at > p_now AND s.absolute_expires_at > p_now
  $$;
--> statement-breakpoint
CREATE FUNCTION app_delete_expired_portal_sessions() RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ WITH d AS (DELETE FROM portal_sessions WHERE expires_at < now() RETURNING 1) SELECT count(*)::int FROM d $$;
--> statement-breakpoint
-- One-time codes are handed to the SMS driver by the request that made them, never again by the sweep:
-- the outbox keeps only a masked copy of their text.
CREATE OR REPLACE FUNCTION app_stale_outbox_messages(p_limit integer)
  RETURNS TABLE (id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT id, organization_id FROM outbox_messages
    WHERE status = 'queued' AND created_at < now() - interval '30 seconds'
      AND related_type IS DISTINCT FROM 'portal_code'
    ORDER BY created_at LIMIT p_limit
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_portal_organization(text), app_portal_session(text, timestamptz),
  app_delete_expired_portal_sessions() FROM PUBLIC;
