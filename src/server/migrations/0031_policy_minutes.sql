-- محضر الاجتماع مرفقاً (issue 14 item 1): the board's minutes approving a policy version, uploaded as a file
-- (PDF or image, its type read from its content) once the version is approved; one file per version, a new
-- upload replaces it. The file itself lives in the file storage under `storage_key` (the platform export
-- carries it like every stored file).
CREATE TABLE "policy_minutes" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_minutes_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "policy_minutes" ADD CONSTRAINT "policy_minutes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_minutes" ADD CONSTRAINT "policy_minutes_version_id_fk" FOREIGN KEY ("organization_id","version_id") REFERENCES "public"."policy_versions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_minutes" ADD CONSTRAINT "policy_minutes_uploaded_by_fk" FOREIGN KEY ("organization_id","uploaded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_minutes_version_key" ON "policy_minutes" USING btree ("organization_id","version_id");--> statement-breakpoint
ALTER TABLE "policy_minutes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "policy_minutes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "policy_minutes"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
