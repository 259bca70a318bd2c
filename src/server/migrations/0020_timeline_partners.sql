-- Messages name the beneficiary they were written to, for the timeline and the portal's inbox (messages
-- written before this carry only their related request or beneficiary, which both still read).
ALTER TABLE "outbox_messages" ADD COLUMN "beneficiary_id" uuid;
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE SET NULL ("beneficiary_id") ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "outbox_beneficiary_idx" ON "outbox_messages" USING btree ("organization_id","beneficiary_id","created_at");
--> statement-breakpoint
-- الشركاء — other bodies an association refers beneficiaries to (policy 001: partners and supporters).
CREATE TABLE "partners" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"services" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
-- A beneficiary referred to a partner: the consent it relied on and exactly which fields were shared.
CREATE TABLE "partner_referrals" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"request_id" uuid,
	"reason" text NOT NULL,
	"shared_fields" text[] NOT NULL,
	"shared_data" jsonb NOT NULL,
	"consent_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_referrals_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_partner_id_fk" FOREIGN KEY ("organization_id","partner_id") REFERENCES "public"."partners"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_consent_id_fk" FOREIGN KEY ("organization_id","consent_id") REFERENCES "public"."consents"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_referrals" ADD CONSTRAINT "partner_referrals_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partners_org_name_key" ON "partners" USING btree ("organization_id","name_ar");--> statement-breakpoint
CREATE INDEX "partner_referrals_beneficiary_idx" ON "partner_referrals" USING btree ("organization_id","beneficiary_id","created_at");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['partners', 'partner_referrals'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
