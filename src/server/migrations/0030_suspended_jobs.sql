-- A suspended association's background work stops (issue 14, item 8): the functions that list the
-- associations a scheduled job visits now return active associations only. Messages already written to
-- the outbox are left as they are; nothing new is generated while suspended.
CREATE OR REPLACE FUNCTION app_organizations_with_expiring_documents(p_from date, p_to date) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE p_from <= p_to AND status = 'active' ORDER BY id $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_complaint_escalation_organizations() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE status = 'active' ORDER BY id $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_organizations_with_due_appointments(p_from timestamptz, p_until timestamptz) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE p_from < p_until AND status = 'active' ORDER BY id $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_organizations_for_periodic_surveys() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE status = 'active' ORDER BY id $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_organizations_for_policy_reminders() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations WHERE status = 'active' ORDER BY id $$;
--> statement-breakpoint
-- A suspended association's survey links (and its kiosk) answer as if unknown, like its portal.
CREATE OR REPLACE FUNCTION app_survey_invitation_organization(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT i.organization_id FROM survey_invitations i JOIN organizations o ON o.id = i.organization_id
        WHERE i.token_hash = p_token_hash AND o.status = 'active' $$;
