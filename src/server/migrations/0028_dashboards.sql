-- Dashboards (issue 14, item 6; decision 024). Each stay of a request in a stage is counted when the
-- request leaves the stage, from the request's own stage clock (`stage_entered_at`, set by the same
-- injected clock as `decided_at` and `expected_decision_at`), with its length in working days on the
-- association's calendar of that moment, by local day, service and stage: "time in each stage" of a
-- period reads one small row per (day, service, stage, length), not every stay of the period.
CREATE TABLE "request_stage_stay_counts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"working_days" integer NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"stays" integer NOT NULL,
	CONSTRAINT "request_stage_stay_counts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "request_stage_stay_counts" ADD CONSTRAINT "request_stage_stay_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_stage_stay_counts" ADD CONSTRAINT "request_stage_stay_counts_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_stage_stay_counts_key" ON "request_stage_stay_counts" USING btree ("organization_id","day","service_id","stage","working_days","shard") INCLUDE ("stays");--> statement-breakpoint
ALTER TABLE "request_stage_stay_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "request_stage_stay_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "request_stage_stay_counts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- Requests submitted and decided, counted by local day, service and channel when it happens (a decision
-- as approved or rejected, and within the promised date or not): a period's figures sum these rows.
-- `shard` spreads one day's counting over a few rows, so concurrent requests do not queue on one row.
CREATE TABLE "request_day_counts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"within_promise" boolean NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "request_day_counts_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "request_day_counts_kind_check" CHECK ("kind" IN ('submitted', 'approved', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "request_day_counts" ADD CONSTRAINT "request_day_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_day_counts" ADD CONSTRAINT "request_day_counts_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_day_counts_key" ON "request_day_counts" USING btree ("organization_id","day","service_id","channel","kind","within_promise","shard") INCLUDE ("n");--> statement-breakpoint
ALTER TABLE "request_day_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "request_day_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "request_day_counts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- Working days in (from, to] on an association's calendar (its settings' working week and dated
-- holidays), as `workingDaysBetween` in src/shared/calendar.ts counts them.
CREATE FUNCTION app_working_days_between(p_from date, p_to date, p_settings jsonb) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
    FROM generate_series(p_from + 1, p_to, interval '1 day') AS d
   WHERE extract(dow FROM d)::int IN (SELECT jsonb_array_elements_text(coalesce(p_settings->'workingDays', '[0,1,2,3,4]'))::int)
     AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_settings->'holidays', '[]')) AS h
                      WHERE h->>'date' = to_char(d, 'YYYY-MM-DD'))
$$;
--> statement-breakpoint
-- The length of a stay between two instants, on the calendar and in the time zone of the settings.
CREATE FUNCTION app_stay_working_days(p_entered timestamptz, p_left timestamptz, p_settings jsonb) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT app_working_days_between(
    (p_entered AT TIME ZONE coalesce(p_settings->>'timeZone', 'Asia/Riyadh'))::date,
    (p_left AT TIME ZONE coalesce(p_settings->>'timeZone', 'Asia/Riyadh'))::date,
    p_settings)
$$;
--> statement-breakpoint
-- A stay ends when the status changes (a recurring delivery keeps the stage: no stay ends).
CREATE FUNCTION request_stage_stay_record() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.stage_entered_at >= OLD.stage_entered_at THEN
    INSERT INTO request_stage_stay_counts AS c (organization_id, day, service_id, stage, working_days, shard, stays)
    SELECT OLD.organization_id,
           (NEW.stage_entered_at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
           NEW.service_id, OLD.status,
           app_stay_working_days(OLD.stage_entered_at, NEW.stage_entered_at, o.settings), floor(random() * 4), 1
      FROM organizations o WHERE o.id = OLD.organization_id
    ON CONFLICT (organization_id, day, service_id, stage, working_days, shard) DO UPDATE SET stays = c.stays + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER requests_stage_stay
  AFTER UPDATE OF status ON requests
  FOR EACH ROW EXECUTE FUNCTION request_stage_stay_record();
--> statement-breakpoint
-- A request counts as submitted when it gets its submission time (at creation by staff, or when a portal
-- draft is submitted), and as decided when it gets its decision time.
CREATE FUNCTION request_day_count_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  kinds text[] := '{}';
BEGIN
  IF NEW.submitted_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.submitted_at IS NULL) THEN
    kinds := kinds || 'submitted'::text;
  END IF;
  IF NEW.decided_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.decided_at IS NULL) THEN
    kinds := kinds || CASE WHEN NEW.status = 'rejected' THEN 'rejected' ELSE 'approved' END;
  END IF;
  IF cardinality(kinds) = 0 THEN RETURN NEW; END IF;
  SELECT coalesce(settings->>'timeZone', 'Asia/Riyadh') INTO tz FROM organizations WHERE id = NEW.organization_id;
  INSERT INTO request_day_counts AS c (organization_id, day, service_id, channel, kind, within_promise, shard, n)
  SELECT NEW.organization_id,
         ((CASE WHEN k = 'submitted' THEN NEW.submitted_at ELSE NEW.decided_at END) AT TIME ZONE coalesce(tz, 'Asia/Riyadh'))::date,
         NEW.service_id, NEW.channel, k,
         k <> 'submitted' AND NEW.expected_decision_at IS NOT NULL AND NEW.decided_at <= NEW.expected_decision_at,
         floor(random() * 4), 1
    FROM unnest(kinds) AS k
  ON CONFLICT (organization_id, day, service_id, channel, kind, within_promise, shard) DO UPDATE SET n = c.n + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER requests_day_count
  AFTER INSERT OR UPDATE OF submitted_at, decided_at ON requests
  FOR EACH ROW EXECUTE FUNCTION request_day_count_record();
--> statement-breakpoint
-- The dashboard's counts of requests that existed before (or were loaded in bulk), counted again: stays
-- from the history (each history row ends the stay that the previous one began), submissions and
-- decisions from the requests. Run by the migration and by bench loads.
CREATE FUNCTION request_stage_stays_rebuild() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  DELETE FROM request_stage_stay_counts;
  INSERT INTO request_stage_stay_counts (organization_id, day, service_id, stage, working_days, stays)
  SELECT h.organization_id, (h.at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
         r.service_id, h.from_status, app_stay_working_days(h.entered_at, h.at, o.settings), count(*)
    FROM (SELECT organization_id, request_id, from_status, to_status, at,
                 lag(at) OVER (PARTITION BY organization_id, request_id ORDER BY at, ctid) AS entered_at
            FROM request_history
           WHERE from_status IS DISTINCT FROM to_status) h
    JOIN requests r ON r.organization_id = h.organization_id AND r.id = h.request_id
    JOIN organizations o ON o.id = h.organization_id
   WHERE h.from_status IS NOT NULL AND h.entered_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS n = ROW_COUNT;
  DELETE FROM request_day_counts;
  INSERT INTO request_day_counts (organization_id, day, service_id, channel, kind, within_promise, n)
  SELECT r.organization_id, (r.submitted_at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
         r.service_id, r.channel, 'submitted', false, count(*)
    FROM requests r JOIN organizations o ON o.id = r.organization_id
   WHERE r.submitted_at IS NOT NULL
   GROUP BY 1, 2, 3, 4;
  -- Rejected: rejected now, or closed after a rejection (a decision is taken once).
  INSERT INTO request_day_counts (organization_id, day, service_id, channel, kind, within_promise, n)
  SELECT r.organization_id, (r.decided_at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
         r.service_id, r.channel,
         CASE WHEN r.status = 'rejected' OR (r.status = 'closed' AND EXISTS (SELECT 1 FROM request_history h
           WHERE h.organization_id = r.organization_id AND h.request_id = r.id AND h.action = 'reject'))
         THEN 'rejected' ELSE 'approved' END,
         r.expected_decision_at IS NOT NULL AND r.decided_at <= r.expected_decision_at, count(*)
    FROM requests r JOIN organizations o ON o.id = r.organization_id
   WHERE r.decided_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN n;
END;
$$;
--> statement-breakpoint
SELECT request_stage_stays_rebuild();
--> statement-breakpoint
-- The dashboard's period reads: requests submitted and decided in a period, open work by due time, and
-- whether a closed request had been rejected.
CREATE INDEX IF NOT EXISTS "requests_submitted_idx" ON "requests" USING btree ("organization_id","submitted_at")
  INCLUDE ("channel","service_id") WHERE "submitted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_decided_idx" ON "requests" USING btree ("organization_id","decided_at")
  INCLUDE ("id","expected_decision_at","service_id","status") WHERE "decided_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_in_progress_idx" ON "requests" USING btree ("organization_id","status")
  INCLUDE ("expected_decision_at","submitted_at","service_id")
  WHERE "status" IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee', 'approved', 'registered');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_decided_against_idx" ON "requests" USING btree ("organization_id","decided_at")
  INCLUDE ("id","status","decision_reason","service_id") WHERE "status" IN ('rejected', 'closed') AND "decided_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "request_history_reject_idx" ON "request_history" USING btree ("organization_id","request_id")
  WHERE "action" = 'reject';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "referrals_open_idx" ON "referrals" USING btree ("organization_id","due_at")
  WHERE "answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "verification_open_idx" ON "verification_tasks" USING btree ("organization_id","due_on")
  WHERE "status" <> 'done';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaints_created_idx" ON "complaints" USING btree ("organization_id","created_at");
