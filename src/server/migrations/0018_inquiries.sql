-- Inquiries and the knowledge base (issue 12, item 2), contacts with an outcome and a duration (item 1),
-- and the WhatsApp and e-mail channels for associations created before they were in the defaults.
CREATE TABLE "knowledge_articles" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"category" text,
	"question_ar" text NOT NULL,
	"answer_ar" text NOT NULL,
	"question_en" text,
	"answer_en" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"question_key" text GENERATED ALWAYS AS (wasl_normalize_name(question_ar || ' ' || coalesce(question_en, ''))) STORED,
	"search_key" text GENERATED ALWAYS AS (wasl_normalize_name(question_ar || ' ' || answer_ar || ' ' || coalesce(question_en, '') || ' ' || coalesce(answer_en, '') || ' ' || coalesce(category, ''))) STORED,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"beneficiary_id" uuid,
	"channel" text NOT NULL,
	"category" text,
	"question" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"answer" text,
	"article_id" uuid,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer_message_id" uuid,
	"answer_skipped" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_approved_by_fk" FOREIGN KEY ("organization_id","approved_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_assignee_id_fk" FOREIGN KEY ("organization_id","assignee_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_answered_by_fk" FOREIGN KEY ("organization_id","answered_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_article_id_fk" FOREIGN KEY ("organization_id","article_id") REFERENCES "public"."knowledge_articles"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_answer_message_id_fk" FOREIGN KEY ("organization_id","answer_message_id") REFERENCES "public"."outbox_messages"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_articles_status_idx" ON "knowledge_articles" USING btree ("organization_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_articles_question_key_trgm_idx" ON "knowledge_articles" USING gin ("question_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_org_number_key" ON "inquiries" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "inquiries_queue_idx" ON "inquiries" USING btree ("organization_id","status","due_at");--> statement-breakpoint
CREATE INDEX "inquiries_beneficiary_idx" ON "inquiries" USING btree ("organization_id","beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_created_idx" ON "inquiries" USING btree ("organization_id","created_at");--> statement-breakpoint
-- A contact's outcome and how long it took (issue 12, item 1: "outcome, how long").
ALTER TABLE "interactions" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "duration_minutes" integer;--> statement-breakpoint
-- Associations created before WhatsApp and e-mail were default channels get them, enabled (an admin may
-- switch them off); a code the association already has is left as it is.
UPDATE "organizations" SET "settings" = jsonb_set("settings", '{channels}',
  ("settings"->'channels') || coalesce((
    SELECT jsonb_agg(c) FROM jsonb_array_elements('[
      {"code": "whatsapp", "labelAr": "واتساب", "labelEn": "WhatsApp", "enabled": true},
      {"code": "email", "labelAr": "البريد الإلكتروني", "labelEn": "E-mail", "enabled": true}
    ]'::jsonb) AS c
    WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements("settings"->'channels') AS o WHERE o->>'code' = c->>'code')
  ), '[]'::jsonb))
WHERE jsonb_typeof("settings"->'channels') = 'array';--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['knowledge_articles', 'inquiries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
