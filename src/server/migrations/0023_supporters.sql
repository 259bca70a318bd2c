-- الداعمون والمتطوعون — policy 001 names "beneficiaries, supporters, volunteers": a register of volunteers
-- and donors with their relationship status, their consent to be contacted, and their own contact history.
CREATE TABLE "supporters" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text,
	"email" text,
	"organization_name" text,
	"interests" text,
	"status" text DEFAULT 'active' NOT NULL,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"consent_recorded_at" timestamp with time zone,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supporters_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "supporter_contacts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"supporter_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"staff_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supporter_contacts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_contacts" ADD CONSTRAINT "supporter_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_contacts" ADD CONSTRAINT "supporter_contacts_supporter_id_fk" FOREIGN KEY ("organization_id","supporter_id") REFERENCES "public"."supporters"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_contacts" ADD CONSTRAINT "supporter_contacts_staff_id_fk" FOREIGN KEY ("organization_id","staff_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supporters_org_kind_idx" ON "supporters" USING btree ("organization_id","kind","full_name");--> statement-breakpoint
CREATE INDEX "supporter_contacts_supporter_idx" ON "supporter_contacts" USING btree ("organization_id","supporter_id","occurred_at");--> statement-breakpoint
ALTER TABLE "supporters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supporters" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "supporters"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE "supporter_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supporter_contacts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "supporter_contacts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
