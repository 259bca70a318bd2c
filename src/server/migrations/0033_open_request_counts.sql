-- Dashboard and queue counts that do not grow with the data (issue 15, item 4; decision 024, "Open work
-- counted when it changes"). Two parts:
--
-- 1. `requests.decision` (approved / rejected), set in the same row write as `decided_at` (a BEFORE
--    trigger, from the status the decision leads to: the rule of `request_day_count_record`), so the
--    rejections of a period — rejected now, or closed after a rejection — are one index-only range
--    instead of a look into each closed request's history.
-- 2. `request_open_counts`: the requests in progress (submitted … registered) counted by an AFTER trigger
--    on every change of what the counts are keyed by. Three projections (`kind`), each with only the keys
--    its readers need:
--      stage — status, service, and (while the decision clock runs) the day of `expected_decision_at`:
--              the dashboard's open work by stage and its overdue count;
--      age   — status, service, day of `submitted_at`, for the statuses awaiting a decision: the backlog;
--      queue — status, assignee, day the stage was entered, and (clock running) the expected day: the
--              queues' totals and their late counts, "mine" included.
--    Days are UTC dates of the instant, so no setting (time zone, stage alert days) is baked into a row:
--    a reader sums the whole days before its boundary instant and counts the requests of the one day the
--    boundary falls in from `requests` itself (an index range of one day). A row whose count falls to 0 is
--    deleted, so the table holds the keys of open requests only — a few thousand rows whatever the number
--    of requests, open or closed. One row per key (no shard): concurrent changes of one key wait for each
--    other's commit; the trigger writes its rows in key order, so two of them cannot deadlock.
-- 3. `request_rejection_counts`: rejections by local day (the association's time zone then, as the day
--    counts of 0028), service and reason (spaces collapsed, case folded; the label as typed, spaces
--    collapsed, the least of those seen), counted when the decision is taken: the reasons of a year are a
--    sum of a few rows per day, not a read of every rejection.
-- 4. `request_stage_stay_month_counts`: the stays of 0028 summed by local month as well, written by the
--    same trigger: a period's whole months are read from it, only its partial months' days from the
--    day rows (a year: ~120,000 day rows at 100,000 beneficiaries, ~6,000 month rows).
ALTER TABLE "requests" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_decision_check" CHECK ("decision" IN ('approved', 'rejected'));--> statement-breakpoint
CREATE FUNCTION request_decision_record() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_at IS NOT NULL AND NEW.decision IS NULL THEN
    NEW.decision := CASE WHEN NEW.status = 'rejected' THEN 'rejected' ELSE 'approved' END;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER requests_decision
  BEFORE INSERT OR UPDATE OF decided_at ON requests
  FOR EACH ROW EXECUTE FUNCTION request_decision_record();
--> statement-breakpoint
CREATE TABLE "request_open_counts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"service_id" uuid,
	"assigned_to" uuid,
	"submitted_day" date,
	"entered_day" date,
	"expected_day" date,
	"n" integer NOT NULL,
	CONSTRAINT "request_open_counts_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "request_open_counts_kind_check" CHECK ("kind" IN ('stage', 'age', 'queue'))
);
--> statement-breakpoint
ALTER TABLE "request_open_counts" ADD CONSTRAINT "request_open_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_open_counts_key" ON "request_open_counts" USING btree
  ("organization_id","kind","status","service_id","assigned_to","submitted_day","entered_day","expected_day")
  INCLUDE ("n") NULLS NOT DISTINCT;--> statement-breakpoint
ALTER TABLE "request_open_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "request_open_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "request_open_counts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- The rows one request adds (delta 1) or takes away (-1); none when it is not in progress. The status
-- lists are `inProgressStatuses`, `clockRunningStatuses` and the dashboard's `undecidedStatuses`.
CREATE FUNCTION request_open_count_rows(r requests, p_delta integer)
RETURNS TABLE (kind text, status text, service_id uuid, assigned_to uuid, submitted_day date,
               entered_day date, expected_day date, delta integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  expected date;
BEGIN
  -- PL/pgSQL rather than SQL: its statements' plans are kept for the session (a trigger calls it twice).
  IF r.status IS NULL OR r.status NOT IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee', 'approved', 'registered') THEN
    RETURN;
  END IF;
  IF r.status IN ('submitted', 'under_review', 'in_verification', 'in_committee') THEN
    expected := (r.expected_decision_at AT TIME ZONE 'UTC')::date;
  END IF;
  RETURN QUERY VALUES ('stage'::text, r.status, r.service_id, NULL::uuid, NULL::date, NULL::date, expected, p_delta);
  IF r.status IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee') THEN
    RETURN QUERY VALUES ('age'::text, r.status, r.service_id, NULL::uuid, (r.submitted_at AT TIME ZONE 'UTC')::date, NULL::date, NULL::date, p_delta);
  END IF;
  RETURN QUERY VALUES ('queue'::text, r.status, NULL::uuid, r.assigned_to, NULL::date, (r.stage_entered_at AT TIME ZONE 'UTC')::date, expected, p_delta);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION request_open_count_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  org uuid := coalesce(NEW.organization_id, OLD.organization_id);
  emptied uuid[];
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.service_id IS NOT DISTINCT FROM OLD.service_id
     AND NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to AND NEW.submitted_at IS NOT DISTINCT FROM OLD.submitted_at
     AND NEW.stage_entered_at IS NOT DISTINCT FROM OLD.stage_entered_at
     AND NEW.expected_decision_at IS NOT DISTINCT FROM OLD.expected_decision_at THEN
    RETURN NULL;
  END IF;
  WITH changes AS (
    SELECT * FROM request_open_count_rows(OLD, -1) WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT * FROM request_open_count_rows(NEW, 1) WHERE TG_OP <> 'DELETE'
  ), net AS (
    SELECT c.kind, c.status, c.service_id, c.assigned_to, c.submitted_day, c.entered_day, c.expected_day, sum(c.delta)::int AS n
      FROM changes c GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(c.delta) <> 0
  ), bumped AS (
    INSERT INTO request_open_counts AS c (organization_id, kind, status, service_id, assigned_to, submitted_day, entered_day, expected_day, n)
    SELECT org, net.kind, net.status, net.service_id, net.assigned_to, net.submitted_day, net.entered_day, net.expected_day, net.n
      FROM net ORDER BY 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (organization_id, kind, status, service_id, assigned_to, submitted_day, entered_day, expected_day)
      DO UPDATE SET n = c.n + excluded.n
    RETURNING c.id, c.n
  )
  SELECT array_agg(b.id) FILTER (WHERE b.n = 0) INTO emptied FROM bumped b;
  IF emptied IS NOT NULL THEN
    DELETE FROM request_open_counts c WHERE c.organization_id = org AND c.id = ANY (emptied) AND c.n = 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER requests_open_count
  AFTER INSERT OR DELETE OR UPDATE OF status, service_id, assigned_to, submitted_at, stage_entered_at, expected_decision_at
  ON requests FOR EACH ROW EXECUTE FUNCTION request_open_count_record();
--> statement-breakpoint
CREATE TABLE "request_rejection_counts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"reason_key" text NOT NULL,
	"label" text,
	"n" integer NOT NULL,
	CONSTRAINT "request_rejection_counts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "request_rejection_counts" ADD CONSTRAINT "request_rejection_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_rejection_counts" ADD CONSTRAINT "request_rejection_counts_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_rejection_counts_key" ON "request_rejection_counts" USING btree
  ("organization_id","day","service_id","reason_key") INCLUDE ("label","n");--> statement-breakpoint
ALTER TABLE "request_rejection_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "request_rejection_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "request_rejection_counts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- The reason's grouping key and its label, as the dashboard showed them when it grouped the rows itself.
CREATE FUNCTION app_reason_key(p_reason text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT lower(btrim(regexp_replace(coalesce(p_reason, ''), '\s+', ' ', 'g'))) $$;
--> statement-breakpoint
CREATE FUNCTION app_reason_label(p_reason text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT regexp_replace(btrim(p_reason), '\s+', ' ', 'g') $$;
--> statement-breakpoint
-- A rejection counts once, when its decision time is set.
CREATE FUNCTION request_rejection_count_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE tz text;
BEGIN
  IF NEW.decision = 'rejected' AND NEW.decided_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.decided_at IS NULL) THEN
    SELECT coalesce(settings->>'timeZone', 'Asia/Riyadh') INTO tz FROM organizations WHERE id = NEW.organization_id;
    INSERT INTO request_rejection_counts AS c (organization_id, day, service_id, reason_key, label, n)
    VALUES (NEW.organization_id, (NEW.decided_at AT TIME ZONE coalesce(tz, 'Asia/Riyadh'))::date, NEW.service_id,
            app_reason_key(NEW.decision_reason), app_reason_label(NEW.decision_reason), 1)
    ON CONFLICT (organization_id, day, service_id, reason_key)
      DO UPDATE SET n = c.n + 1, label = least(c.label, excluded.label);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER requests_rejection_count
  AFTER INSERT OR UPDATE OF decided_at ON requests
  FOR EACH ROW EXECUTE FUNCTION request_rejection_count_record();
--> statement-breakpoint
CREATE TABLE "request_stage_stay_month_counts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"service_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"working_days" integer NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"stays" integer NOT NULL,
	CONSTRAINT "request_stage_stay_month_counts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "request_stage_stay_month_counts" ADD CONSTRAINT "request_stage_stay_month_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_stage_stay_month_counts" ADD CONSTRAINT "request_stage_stay_month_counts_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_stage_stay_month_counts_key" ON "request_stage_stay_month_counts" USING btree
  ("organization_id","month","service_id","stage","working_days","shard") INCLUDE ("stays");--> statement-breakpoint
ALTER TABLE "request_stage_stay_month_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "request_stage_stay_month_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "request_stage_stay_month_counts"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- 0028's stay trigger, now adding the stay to its month's row too (the same day, service, stage, length).
CREATE OR REPLACE FUNCTION request_stage_stay_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_day date;
  v_length integer;
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.stage_entered_at >= OLD.stage_entered_at THEN
    SELECT (NEW.stage_entered_at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
           app_stay_working_days(OLD.stage_entered_at, NEW.stage_entered_at, o.settings)
      INTO v_day, v_length
      FROM organizations o WHERE o.id = OLD.organization_id;
    IF NOT FOUND THEN RETURN NEW; END IF;
    INSERT INTO request_stage_stay_counts AS c (organization_id, day, service_id, stage, working_days, shard, stays)
    VALUES (OLD.organization_id, v_day, NEW.service_id, OLD.status, v_length, floor(random() * 4), 1)
    ON CONFLICT (organization_id, day, service_id, stage, working_days, shard) DO UPDATE SET stays = c.stays + 1;
    INSERT INTO request_stage_stay_month_counts AS c (organization_id, month, service_id, stage, working_days, shard, stays)
    VALUES (OLD.organization_id, date_trunc('month', v_day)::date, NEW.service_id, OLD.status, v_length, floor(random() * 4), 1)
    ON CONFLICT (organization_id, month, service_id, stage, working_days, shard) DO UPDATE SET stays = c.stays + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Counted again from the requests: the decisions of requests decided before this migration (or loaded in
-- bulk without triggers), with the rule of `request_stage_stays_rebuild`, every open count, the
-- rejections by reason, and the stays by month (from the stays by day: run after
-- `request_stage_stays_rebuild()`). Run by the
-- migration and by bench loads. The caveat of 0028 applies: run by a role subject to the forced row-level
-- security, it sees no association's rows.
CREATE FUNCTION request_open_counts_rebuild() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  UPDATE requests r
     SET decision = CASE WHEN r.status = 'rejected' OR (r.status = 'closed' AND EXISTS (SELECT 1 FROM request_history h
                           WHERE h.organization_id = r.organization_id AND h.request_id = r.id AND h.action = 'reject'))
                         THEN 'rejected' ELSE 'approved' END
   WHERE r.decided_at IS NOT NULL AND r.decision IS NULL;
  DELETE FROM request_open_counts;
  INSERT INTO request_open_counts (organization_id, kind, status, service_id, assigned_to, submitted_day, entered_day, expected_day, n)
  SELECT r.organization_id, c.kind, c.status, c.service_id, c.assigned_to, c.submitted_day, c.entered_day, c.expected_day, sum(c.delta)
    FROM requests r, LATERAL request_open_count_rows(r, 1) c
   WHERE r.status IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee', 'approved', 'registered')
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  GET DIAGNOSTICS n = ROW_COUNT;
  DELETE FROM request_stage_stay_month_counts;
  INSERT INTO request_stage_stay_month_counts (organization_id, month, service_id, stage, working_days, stays)
  SELECT organization_id, date_trunc('month', day)::date, service_id, stage, working_days, sum(stays)
    FROM request_stage_stay_counts GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM request_rejection_counts;
  INSERT INTO request_rejection_counts (organization_id, day, service_id, reason_key, label, n)
  SELECT r.organization_id, (r.decided_at AT TIME ZONE coalesce(o.settings->>'timeZone', 'Asia/Riyadh'))::date,
         r.service_id, app_reason_key(r.decision_reason), min(app_reason_label(r.decision_reason)), count(*)
    FROM requests r JOIN organizations o ON o.id = r.organization_id
   WHERE r.decision = 'rejected' AND r.decided_at IS NOT NULL
   GROUP BY 1, 2, 3, 4;
  RETURN n;
END;
$$;
--> statement-breakpoint
SELECT request_open_counts_rebuild();
--> statement-breakpoint
-- The rejections of a period (the drill-down), read from the index alone.
CREATE INDEX IF NOT EXISTS "requests_rejected_idx" ON "requests" USING btree ("organization_id","decided_at")
  INCLUDE ("decision_reason","service_id") WHERE "decision" = 'rejected';--> statement-breakpoint
-- The one day around a boundary instant that the open counts leave to the requests, read from an index
-- alone: promised today (clock running), stage entered on the alert boundary's day, submitted on a
-- backlog bucket's first day.
CREATE INDEX IF NOT EXISTS "requests_running_expected_idx" ON "requests" USING btree ("organization_id","expected_decision_at")
  INCLUDE ("status","service_id","assigned_to","stage_entered_at")
  WHERE "status" IN ('submitted', 'under_review', 'in_verification', 'in_committee');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_open_entered_idx" ON "requests" USING btree ("organization_id","stage_entered_at")
  INCLUDE ("status","assigned_to","expected_decision_at")
  WHERE "status" IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee', 'approved', 'registered');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_undecided_submitted_idx" ON "requests" USING btree ("organization_id","submitted_at")
  INCLUDE ("status","service_id")
  WHERE "status" IN ('submitted', 'under_review', 'needs_info', 'in_verification', 'in_committee');
