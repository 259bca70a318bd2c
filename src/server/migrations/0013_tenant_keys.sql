-- References cannot cross associations: every association table is keyed by (organization_id, id), and
-- every reference between association tables is a foreign key on (organization_id, x_id), so a row can
-- only point at a row of its own association (and, distributed by organization_id, at a co-located one).
-- Order for an existing install: drop the single-column foreign keys, swap the primary keys, then add
-- the composite foreign keys (which check the rows already there). drizzle-kit cannot name the old
-- primary keys; they are PostgreSQL's default "<table>_pkey".
ALTER TABLE "beneficiaries" DROP CONSTRAINT "beneficiaries_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "beneficiary_documents" DROP CONSTRAINT "beneficiary_documents_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "beneficiary_documents" DROP CONSTRAINT "beneficiary_documents_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "consents" DROP CONSTRAINT "consents_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "consents" DROP CONSTRAINT "consents_recorded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "correction_requests" DROP CONSTRAINT "correction_requests_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "correction_requests" DROP CONSTRAINT "correction_requests_recorded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "correction_requests" DROP CONSTRAINT "correction_requests_resolved_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "declaration_texts" DROP CONSTRAINT "declaration_texts_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "declarations" DROP CONSTRAINT "declarations_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "declarations" DROP CONSTRAINT "declarations_witnessed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" DROP CONSTRAINT "duplicate_suspicions_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" DROP CONSTRAINT "duplicate_suspicions_other_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" DROP CONSTRAINT "duplicate_suspicions_acknowledged_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" DROP CONSTRAINT "duplicate_suspicions_resolved_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "household_members" DROP CONSTRAINT "household_members_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_staff_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_agenda" DROP CONSTRAINT "committee_agenda_session_id_committee_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_agenda" DROP CONSTRAINT "committee_agenda_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_sessions" DROP CONSTRAINT "committee_sessions_chair_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_sessions" DROP CONSTRAINT "committee_sessions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_votes" DROP CONSTRAINT "committee_votes_session_id_committee_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_votes" DROP CONSTRAINT "committee_votes_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "committee_votes" DROP CONSTRAINT "committee_votes_member_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "decision_letters" DROP CONSTRAINT "decision_letters_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_delivered_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_assignee_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "request_history" DROP CONSTRAINT "request_history_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "request_history" DROP CONSTRAINT "request_history_actor_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_beneficiary_id_beneficiaries_id_fk";
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_service_id_services_id_fk";
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_assigned_to_users_id_fk";
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" DROP CONSTRAINT "eligibility_rule_versions_service_id_services_id_fk";
--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" DROP CONSTRAINT "eligibility_rule_versions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" DROP CONSTRAINT "fraud_signal_dismissals_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" DROP CONSTRAINT "fraud_signal_dismissals_dismissed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "research_reports" DROP CONSTRAINT "research_reports_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "research_reports" DROP CONSTRAINT "research_reports_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_photos" DROP CONSTRAINT "verification_photos_task_id_verification_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_photos" DROP CONSTRAINT "verification_photos_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_tasks" DROP CONSTRAINT "verification_tasks_request_id_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_tasks" DROP CONSTRAINT "verification_tasks_assignee_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "verification_tasks" DROP CONSTRAINT "verification_tasks_completed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "beneficiaries" DROP CONSTRAINT "beneficiaries_pkey";--> statement-breakpoint
ALTER TABLE "beneficiary_documents" DROP CONSTRAINT "beneficiary_documents_pkey";--> statement-breakpoint
ALTER TABLE "consents" DROP CONSTRAINT "consents_pkey";--> statement-breakpoint
ALTER TABLE "correction_requests" DROP CONSTRAINT "correction_requests_pkey";--> statement-breakpoint
ALTER TABLE "declaration_texts" DROP CONSTRAINT "declaration_texts_pkey";--> statement-breakpoint
ALTER TABLE "declarations" DROP CONSTRAINT "declarations_pkey";--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" DROP CONSTRAINT "duplicate_suspicions_pkey";--> statement-breakpoint
ALTER TABLE "household_members" DROP CONSTRAINT "household_members_pkey";--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_pkey";--> statement-breakpoint
ALTER TABLE "committee_agenda" DROP CONSTRAINT "committee_agenda_pkey";--> statement-breakpoint
ALTER TABLE "committee_sessions" DROP CONSTRAINT "committee_sessions_pkey";--> statement-breakpoint
ALTER TABLE "committee_votes" DROP CONSTRAINT "committee_votes_pkey";--> statement-breakpoint
ALTER TABLE "decision_letters" DROP CONSTRAINT "decision_letters_pkey";--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_pkey";--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_pkey";--> statement-breakpoint
ALTER TABLE "request_history" DROP CONSTRAINT "request_history_pkey";--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_pkey";--> statement-breakpoint
ALTER TABLE "services" DROP CONSTRAINT "services_pkey";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" DROP CONSTRAINT "eligibility_rule_versions_pkey";--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" DROP CONSTRAINT "fraud_signal_dismissals_pkey";--> statement-breakpoint
ALTER TABLE "research_reports" DROP CONSTRAINT "research_reports_pkey";--> statement-breakpoint
ALTER TABLE "verification_photos" DROP CONSTRAINT "verification_photos_pkey";--> statement-breakpoint
ALTER TABLE "verification_tasks" DROP CONSTRAINT "verification_tasks_pkey";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_pkey";--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "beneficiary_documents" ADD CONSTRAINT "beneficiary_documents_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "declaration_texts" ADD CONSTRAINT "declaration_texts_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" ADD CONSTRAINT "duplicate_suspicions_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "committee_agenda" ADD CONSTRAINT "committee_agenda_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "committee_sessions" ADD CONSTRAINT "committee_sessions_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "decision_letters" ADD CONSTRAINT "decision_letters_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "request_history" ADD CONSTRAINT "request_history_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" ADD CONSTRAINT "eligibility_rule_versions_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" ADD CONSTRAINT "fraud_signal_dismissals_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "research_reports" ADD CONSTRAINT "research_reports_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "verification_photos" ADD CONSTRAINT "verification_photos_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_documents" ADD CONSTRAINT "beneficiary_documents_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_documents" ADD CONSTRAINT "beneficiary_documents_uploaded_by_fk" FOREIGN KEY ("organization_id","uploaded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_fk" FOREIGN KEY ("organization_id","recorded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_recorded_by_fk" FOREIGN KEY ("organization_id","recorded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_resolved_by_fk" FOREIGN KEY ("organization_id","resolved_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_texts" ADD CONSTRAINT "declaration_texts_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_witnessed_by_fk" FOREIGN KEY ("organization_id","witnessed_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" ADD CONSTRAINT "duplicate_suspicions_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" ADD CONSTRAINT "duplicate_suspicions_other_id_fk" FOREIGN KEY ("organization_id","other_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" ADD CONSTRAINT "duplicate_suspicions_acknowledged_by_fk" FOREIGN KEY ("organization_id","acknowledged_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspicions" ADD CONSTRAINT "duplicate_suspicions_resolved_by_fk" FOREIGN KEY ("organization_id","resolved_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_staff_id_fk" FOREIGN KEY ("organization_id","staff_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_agenda" ADD CONSTRAINT "committee_agenda_session_id_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."committee_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_agenda" ADD CONSTRAINT "committee_agenda_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_sessions" ADD CONSTRAINT "committee_sessions_chair_id_fk" FOREIGN KEY ("organization_id","chair_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_sessions" ADD CONSTRAINT "committee_sessions_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_session_id_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."committee_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_member_id_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_letters" ADD CONSTRAINT "decision_letters_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_delivered_by_fk" FOREIGN KEY ("organization_id","delivered_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assignee_id_fk" FOREIGN KEY ("organization_id","assignee_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_history" ADD CONSTRAINT "request_history_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_history" ADD CONSTRAINT "request_history_actor_id_fk" FOREIGN KEY ("organization_id","actor_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_beneficiary_id_fk" FOREIGN KEY ("organization_id","beneficiary_id") REFERENCES "public"."beneficiaries"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assigned_to_fk" FOREIGN KEY ("organization_id","assigned_to") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_decided_by_fk" FOREIGN KEY ("organization_id","decided_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" ADD CONSTRAINT "eligibility_rule_versions_service_id_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_rule_versions" ADD CONSTRAINT "eligibility_rule_versions_created_by_fk" FOREIGN KEY ("organization_id","created_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" ADD CONSTRAINT "fraud_signal_dismissals_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_signal_dismissals" ADD CONSTRAINT "fraud_signal_dismissals_dismissed_by_fk" FOREIGN KEY ("organization_id","dismissed_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_reports" ADD CONSTRAINT "research_reports_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_reports" ADD CONSTRAINT "research_reports_author_id_fk" FOREIGN KEY ("organization_id","author_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_photos" ADD CONSTRAINT "verification_photos_task_id_fk" FOREIGN KEY ("organization_id","task_id") REFERENCES "public"."verification_tasks"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_photos" ADD CONSTRAINT "verification_photos_uploaded_by_fk" FOREIGN KEY ("organization_id","uploaded_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_request_id_fk" FOREIGN KEY ("organization_id","request_id") REFERENCES "public"."requests"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_assignee_id_fk" FOREIGN KEY ("organization_id","assignee_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_completed_by_fk" FOREIGN KEY ("organization_id","completed_by") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_key" ON "sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "outbox_id_idx" ON "outbox_messages" USING btree ("id");