-- Messages that arrive (issue 12): the beneficiary's e-mail address, the outbox's delivery facts
-- (not before quiet hours end, the gateway's message id, when a receipt came back), each association's
-- wording of its messages, and the outreach already sent (never twice).
ALTER TABLE "beneficiaries" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "not_before" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "message_templates" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"ar" text NOT NULL,
	"en" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "outreach_sends" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"message_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_sends_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_updated_by_fk" FOREIGN KEY ("organization_id","updated_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sends" ADD CONSTRAINT "outreach_sends_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sends" ADD CONSTRAINT "outreach_sends_message_id_fk" FOREIGN KEY ("organization_id","message_id") REFERENCES "public"."outbox_messages"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_org_key" ON "message_templates" USING btree ("organization_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_sends_subject_key" ON "outreach_sends" USING btree ("organization_id","kind","subject_id");--> statement-breakpoint
CREATE INDEX "outbox_provider_message_idx" ON "outbox_messages" USING btree ("provider_message_id");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['message_templates', 'outreach_sends'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The sweep hands over only messages that are due: a message written in quiet hours waits for them to end.
CREATE OR REPLACE FUNCTION app_stale_outbox_messages(p_limit integer)
  RETURNS TABLE (id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT id, organization_id FROM outbox_messages
    WHERE status = 'queued' AND created_at < now() - interval '30 seconds'
      AND (not_before IS NULL OR not_before <= now())
      AND related_type IS DISTINCT FROM 'portal_code'
    ORDER BY created_at LIMIT p_limit
  $$;
--> statement-breakpoint
-- The daily expiring-documents job runs over every association: this names them (ids only; the
-- organizations policy lets a definer read it, migration 0016, where beneficiary_documents' does not — an
-- owner without BYPASSRLS would see no document); each is then worked inside its own association.
-- The dates are kept for the callers; every association is named.
CREATE FUNCTION app_organizations_with_expiring_documents(p_from date, p_to date) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE p_from <= p_to ORDER BY id $$;
