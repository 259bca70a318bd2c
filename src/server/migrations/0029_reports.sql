-- The monthly report e-mailed to managers (issue 14, item 7): one run per association and month, so the
-- scheduled job sends each month's report once however often it runs.
CREATE TABLE "monthly_report_runs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_report_runs_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "monthly_report_runs" ADD CONSTRAINT "monthly_report_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_report_runs_month_key" ON "monthly_report_runs" USING btree ("organization_id","month");--> statement-breakpoint
ALTER TABLE "monthly_report_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "monthly_report_runs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "monthly_report_runs"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- The monthly job names the active associations (a suspended one gets no report); each is then worked
-- inside its own scope.
CREATE FUNCTION app_organizations_for_monthly_reports() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE status = 'active' ORDER BY id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_organizations_for_monthly_reports() FROM PUBLIC;
