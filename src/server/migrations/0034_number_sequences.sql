-- Request and file numbers from a sequence per association and kind (issue 15, decision 028) instead of the
-- organization_counters row, whose row lock was held until commit: every creation of an association waited
-- for the one before it to commit. A sequence hands out numbers without waiting; a rolled-back creation
-- leaves a gap in the numbers (never shown to anyone). The counter rows are no longer written.
-- Each association's sequences are made when it is created (trigger below); those of the associations
-- that exist now start after their counter rows, so the numbers continue where they were.
CREATE FUNCTION wasl_number_sequence(p_org uuid, p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'wasl_no_' || p_kind || '_' || replace(p_org::text, '-', '') $$;
--> statement-breakpoint
-- Makes one association's sequence of one kind, starting after its counter row (if it is not there yet).
CREATE FUNCTION wasl_create_number_sequence(p_org uuid, p_kind text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', wasl_number_sequence(p_org, p_kind),
    (SELECT coalesce(max(value), 0) + 1 FROM organization_counters WHERE organization_id = p_org AND name = p_kind));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION wasl_create_number_sequence(uuid, text) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION wasl_create_number_sequences() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM wasl_create_number_sequence(NEW.id, 'request');
  PERFORM wasl_create_number_sequence(NEW.id, 'beneficiary');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_number_sequences AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION wasl_create_number_sequences();
--> statement-breakpoint
-- The associations that exist already (the counter rows are read by their owner, whatever the RLS).
DO $$
DECLARE org uuid;
BEGIN
  FOR org IN SELECT id FROM organizations LOOP
    PERFORM set_config('app.organization_id', org::text, true);
    PERFORM wasl_create_number_sequence(org, 'request');
    PERFORM wasl_create_number_sequence(org, 'beneficiary');
  END LOOP;
  PERFORM set_config('app.organization_id', '', true);
END $$;
--> statement-breakpoint
CREATE FUNCTION wasl_next_number(p_org uuid, p_kind text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Only the association the transaction works for (row-level security cannot guard a sequence).
  IF p_org IS DISTINCT FROM nullif(current_setting('app.organization_id', true), '')::uuid THEN
    RAISE EXCEPTION 'a number of another association' USING ERRCODE = '42501';
  END IF;
  IF p_kind NOT IN ('request', 'beneficiary') THEN
    RAISE EXCEPTION 'unknown kind of number: %', p_kind USING ERRCODE = '22023';
  END IF;
  IF to_regclass(wasl_number_sequence(p_org, p_kind)) IS NULL THEN
    -- Only where this migration could not see the association (an owner bound by row-level security):
    -- made on its first number, after its counter row.
    BEGIN
      PERFORM wasl_create_number_sequence(p_org, p_kind);
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL; -- made at the same moment by another transaction
    END;
  END IF;
  RETURN nextval(wasl_number_sequence(p_org, p_kind));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION wasl_next_number(uuid, text) FROM PUBLIC;
