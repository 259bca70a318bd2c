-- قياس الرضا — satisfaction surveys (issue 13): the designer's surveys and their versions, the one-time
-- invitations (only the token's hash is kept), the answers (each keeps the version it answered), and the
-- improvement actions grown to carry their source, service, outcome and the public «قلتم، فعلنا».
CREATE TABLE "surveys" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"trigger" text NOT NULL,
	"service_id" uuid,
	"rated_department" text,
	"period_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"channel" text NOT NULL,
	"trigger" text NOT NULL,
	"beneficiary_id" uuid,
	"recipient_user_id" uuid,
	"staff_id" uuid,
	"service_id" uuid,
	"related_type" text,
	"related_id" uuid,
	"message_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitations_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"invitation_id" uuid,
	"channel" text NOT NULL,
	"service_id" uuid,
	"staff_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"beneficiary_id" uuid,
	"answers" jsonb NOT NULL,
	"score" smallint,
	"nps" smallint,
	"comment" text,
	"comment_key" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_fk" FOREIGN KEY ("organization_id","survey_id") REFERENCES "public"."surveys"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_fk" FOREIGN KEY ("organization_id","survey_id") REFERENCES "public"."surveys"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_version_id_fk" FOREIGN KEY ("organization_id","version_id") REFERENCES "public"."survey_versions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE SET NULL ("beneficiary_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_recipient_user_id_fk" FOREIGN KEY ("organization_id","recipient_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_staff_id_fk" FOREIGN KEY ("organization_id","staff_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_fk" FOREIGN KEY ("organization_id","survey_id") REFERENCES "public"."surveys"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_version_id_fk" FOREIGN KEY ("organization_id","version_id") REFERENCES "public"."survey_versions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_fk" FOREIGN KEY ("organization_id","invitation_id") REFERENCES "public"."survey_invitations"("organization_id","id") ON DELETE SET NULL ("invitation_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_staff_id_fk" FOREIGN KEY ("organization_id","staff_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE SET NULL ("beneficiary_id") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_survey_version_key" ON "survey_versions" USING btree ("organization_id","survey_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_related_idx" ON "survey_invitations" USING btree ("organization_id","related_type","related_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_beneficiary_idx" ON "survey_invitations" USING btree ("organization_id","beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_kiosk_idx" ON "survey_invitations" USING btree ("organization_id","channel","created_at") WHERE "answered_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_key" ON "survey_responses" USING btree ("organization_id","invitation_id");--> statement-breakpoint
CREATE INDEX "survey_responses_service_idx" ON "survey_responses" USING btree ("organization_id","service_id","answered_at");--> statement-breakpoint
CREATE INDEX "survey_responses_staff_idx" ON "survey_responses" USING btree ("organization_id","staff_id","answered_at");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("organization_id","survey_id","answered_at");--> statement-breakpoint
CREATE INDEX "survey_responses_beneficiary_idx" ON "survey_responses" USING btree ("organization_id","beneficiary_id");--> statement-breakpoint
CREATE INDEX "survey_responses_comment_key_trgm_idx" ON "survey_responses" USING gin ("comment_key" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
UPDATE "improvement_actions" SET "source" = 'suggestion' WHERE "source_complaint_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "source_response_id" uuid;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "said_ar" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "did_ar" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "said_en" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "did_en" text;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_source_response_id_fk" FOREIGN KEY ("organization_id","source_response_id") REFERENCES "public"."survey_responses"("organization_id","id") ON DELETE SET NULL ("source_response_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_actions_published_idx" ON "improvement_actions" USING btree ("organization_id","published_at") WHERE "published_at" IS NOT NULL;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['surveys', 'survey_versions', 'survey_responses'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- An invitation link carries no association: the one definer function below finds the association of a
-- token's hash (and nothing else), then the request works inside it where the policy applies as usual.
ALTER TABLE "survey_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "survey_invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "survey_invitations"
  USING (organization_id = app_current_organization() OR app_in_definer())
  WITH CHECK (organization_id = app_current_organization());--> statement-breakpoint
CREATE FUNCTION app_survey_invitation_organization(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT organization_id FROM survey_invitations WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_survey_invitation_organization(text) FROM PUBLIC;
--> statement-breakpoint
-- Every association starts with two active surveys, so the first delivery invites with no configuration:
-- «بعد التسليم» (faces, 0–10, comments; every service) and the counter's kiosk (faces, comments). Written
-- by a trigger on the association's row (setup, demo data, platform tools alike), inside the new
-- association's own scope, and below for the associations that already exist.
CREATE FUNCTION app_create_default_surveys(p_organization_id uuid) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  v_faces jsonb := '{"id":"satisfaction","kind":"faces","labelAr":"ما مدى رضاك عن الخدمة؟","labelEn":"How satisfied are you with the service?","required":true}';
  v_nps jsonb := '{"id":"recommend","kind":"nps","labelAr":"ما مدى احتمال أن توصي بالجمعية لغيرك؟","labelEn":"How likely are you to recommend the association to others?","required":true}';
  v_text jsonb := '{"id":"comments","kind":"text","labelAr":"ملاحظاتك","labelEn":"Your comments","required":false}';
  v_id uuid;
BEGIN
  v_id := gen_random_uuid();
  INSERT INTO surveys (id, organization_id, name_ar, name_en, trigger)
    VALUES (v_id, p_organization_id, 'استبيان ما بعد التسليم', 'After delivery', 'delivery');
  INSERT INTO survey_versions (organization_id, survey_id, version, questions)
    VALUES (p_organization_id, v_id, 1, jsonb_build_array(v_faces, v_nps, v_text));
  v_id := gen_random_uuid();
  INSERT INTO surveys (id, organization_id, name_ar, name_en, trigger)
    VALUES (v_id, p_organization_id, 'رأيك في زيارتك', 'Your visit', 'kiosk');
  INSERT INTO survey_versions (organization_id, survey_id, version, questions)
    VALUES (p_organization_id, v_id, 1, jsonb_build_array(v_faces, v_text));
END $$;
--> statement-breakpoint
CREATE FUNCTION app_organization_default_surveys() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$ BEGIN PERFORM app_create_default_surveys(NEW.id); RETURN NEW; END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_default_surveys AFTER INSERT ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION app_organization_default_surveys();
--> statement-breakpoint
DO $$
DECLARE o record;
BEGIN
  FOR o IN SELECT id FROM organizations LOOP
    PERFORM set_config('app.organization_id', o.id::text, true);
    PERFORM app_create_default_surveys(o.id);
  END LOOP;
  PERFORM set_config('app.organization_id', '', true);
END $$;
--> statement-breakpoint
-- The counter's kiosk: which desk's tablet shows the invitation.
ALTER TABLE "survey_invitations" ADD COLUMN "desk" text;
--> statement-breakpoint
-- A kiosk invitation's token is kept in clear until answered (the counter's tablet fetches it within
-- minutes; no message carries it); every other invitation keeps only the hash.
ALTER TABLE "survey_invitations" ADD COLUMN "kiosk_token" text;
--> statement-breakpoint
-- The daily periodic surveys run over every association: this names them (the organizations policy lets a
-- definer read it, where the surveys' does not); each is then worked inside its own association.
CREATE FUNCTION app_organizations_for_periodic_surveys() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM organizations ORDER BY id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_organizations_for_periodic_surveys() FROM PUBLIC;
