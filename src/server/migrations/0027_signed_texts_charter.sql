-- النصوص التي يوقّعها الناس، الميثاق والخلافات، والمكتبة المرجعية (issue 14 items 2, 3, 4): the texts people
-- sign are policy documents (kind declaration / consent / charter) with an English body besides the Arabic;
-- a consent document names its purpose; a document names the screens it applies to (contexts) and keeps a
-- normalised title + published body for Arabic search. Consent texts are versioned per purpose (the
-- consent given records the text version it was given under); the charter is accepted with its version;
-- a dispute follows the charter's steps.
ALTER TABLE "policy_versions" ADD COLUMN "body_en" text;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "contexts" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "search_text" text;--> statement-breakpoint
CREATE INDEX "policy_documents_search_trgm_idx" ON "policy_documents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"version" integer NOT NULL,
	"body_ar" text NOT NULL,
	"body_en" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_texts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "text_version" integer;--> statement-breakpoint
CREATE TABLE "charter_acceptances" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"channel" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "charter_acceptances_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"request_id" uuid,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"charter_version" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "disputes_status_check" CHECK ("status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "dispute_steps" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dispute_id" uuid NOT NULL,
	"step" text NOT NULL,
	"position" integer NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_steps_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_document_id_fk" FOREIGN KEY ("organization_id","document_id") REFERENCES "public"."policy_documents"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_recorded_by_fk" FOREIGN KEY ("organization_id","recorded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_fk" FOREIGN KEY ("organization_id","opened_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_closed_by_fk" FOREIGN KEY ("organization_id","closed_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_steps" ADD CONSTRAINT "dispute_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_steps" ADD CONSTRAINT "dispute_steps_dispute_id_fk" FOREIGN KEY ("organization_id","dispute_id") REFERENCES "public"."disputes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_steps" ADD CONSTRAINT "dispute_steps_recorded_by_fk" FOREIGN KEY ("organization_id","recorded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_texts_org_purpose_version_key" ON "consent_texts" USING btree ("organization_id","purpose","version");--> statement-breakpoint
CREATE INDEX "charter_acceptances_beneficiary_idx" ON "charter_acceptances" USING btree ("organization_id","beneficiary_id","accepted_at");--> statement-breakpoint
CREATE INDEX "disputes_org_status_idx" ON "disputes" USING btree ("organization_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "disputes_beneficiary_idx" ON "disputes" USING btree ("organization_id","beneficiary_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_steps_dispute_position_key" ON "dispute_steps" USING btree ("organization_id","dispute_id","position");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consent_texts', 'charter_acceptances', 'disputes', 'dispute_steps'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
