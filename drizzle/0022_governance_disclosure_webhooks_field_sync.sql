CREATE TABLE "public_list_versions" (
	"list" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_catalogues" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"approved_on" date,
	"approved_by_id" integer,
	"published_on" date,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decision_catalogues_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "decision_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"author_name" text,
	"content" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"catalogue_id" integer NOT NULL,
	"title" text NOT NULL,
	"department" text NOT NULL,
	"planned_hearing" boolean NOT NULL,
	"planned_experts" boolean NOT NULL,
	"planned_risk" boolean NOT NULL,
	"step" text NOT NULL,
	"proposed_on" date,
	"draft_text" text,
	"comment_start_on" date,
	"comment_end_on" date,
	"comment_shortened_reason" text,
	"hearing_on" date,
	"hearing_summary" text,
	"experts_on" date,
	"experts_opinion" text,
	"risk_on" date,
	"risk_level" text,
	"risk_report" text,
	"review_submitted_on" date,
	"review_completed_on" date,
	"review_passed" boolean,
	"review_competence" text,
	"review_procedure" text,
	"review_content" text,
	"reviewer_opinion" text,
	"counsel_opinion" text,
	"reviewer_id" integer,
	"discussed_on" date,
	"meeting_kind" text,
	"attendees" jsonb,
	"opinions" jsonb,
	"conclusion" text,
	"departure_reason" text,
	"decided_on" date,
	"decision_text" text,
	"decided_by_id" integer,
	"published_on" date,
	"publication_channel" text,
	"archived_on" date,
	"archive_reference" text,
	"evaluated_on" date,
	"evaluation_text" text,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsel_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"counsel_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_ref" text NOT NULL,
	"subject_title" text NOT NULL,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"opinion" text,
	"answered_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsels" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"firm" text,
	"licence_no" text NOT NULL,
	"term_from_on" date NOT NULL,
	"term_to_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"attendee_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendee_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"law_study" jsonb,
	"minutes" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_title" text NOT NULL,
	"applicant" text NOT NULL,
	"body" text NOT NULL,
	"filed_on" date NOT NULL,
	"hearings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"changes" text,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" integer NOT NULL,
	"attempt" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"next_retry_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"integrator_id" integer NOT NULL,
	"event_id" text NOT NULL,
	"event_kind" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_integrators" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"event_kinds" jsonb NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "normative_document_cleanups" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"cleaned_on" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"new_draft_id" integer,
	"actor_id" integer
);
--> statement-breakpoint
CREATE TABLE "normative_document_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"round" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"reviewed_on" date,
	"passed" boolean,
	"competence" text,
	"procedure" text,
	"content" text,
	"conclusion" text,
	"reviewer_id" integer,
	"reviewer_name" text,
	CONSTRAINT "normative_document_reviews_round" UNIQUE("document_id","round")
);
--> statement-breakpoint
CREATE TABLE "normative_document_seqs" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"drafting_unit" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"drafted_on" date NOT NULL,
	"amends_id" integer,
	"assessed_on" date,
	"assessment_summary" text,
	"comment_start_on" date,
	"comment_planned_end_on" date,
	"comment_short_reason" text,
	"comment_end_on" date,
	"comments_received" integer,
	"comments_answered" integer,
	"comment_answer_summary" text,
	"deliberated_on" date,
	"meeting_kind" text,
	"meeting_note" text,
	"number_year" integer,
	"number_seq" integer,
	"document_number" text,
	"issued_on" date,
	"signer_id" integer,
	"signer_name" text,
	"effective_on" date,
	"valid_until_on" date,
	"published_on" date,
	"publication_channel" text,
	"filed_on" date,
	"filed_with" text,
	"filing_due_on" date,
	"ended_on" date,
	"replaced_by_id" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "normative_documents_number" UNIQUE("document_number"),
	CONSTRAINT "normative_documents_year_seq" UNIQUE("number_year","number_seq")
);
--> statement-breakpoint
CREATE TABLE "field_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" integer,
	"case_step_id" integer,
	"enterprise_id" integer NOT NULL,
	"task" jsonb NOT NULL,
	"occurred_on" text NOT NULL,
	"officer_ids" integer[] NOT NULL,
	"form" jsonb NOT NULL,
	"signatures" jsonb NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "field_records_client_id" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "field_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"record_id" integer NOT NULL,
	"role" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"device_sha256" text NOT NULL,
	"captured_at" timestamp with time zone,
	"longitude" double precision,
	"latitude" double precision,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"evidence_id" integer,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "field_uploads_client_id" UNIQUE("client_id")
);
--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD COLUMN "corrections" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "data_error_reports" ADD COLUMN "correction" jsonb;--> statement-breakpoint
ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_item_id_decision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."decision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_catalogue_id_decision_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counsel_tasks" ADD CONSTRAINT "counsel_tasks_counsel_id_counsels_id_fk" FOREIGN KEY ("counsel_id") REFERENCES "public"."counsels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_integrator_id_webhook_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."webhook_integrators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_integrators" ADD CONSTRAINT "webhook_integrators_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_document_cleanups" ADD CONSTRAINT "normative_document_cleanups_document_id_normative_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normative_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_document_cleanups" ADD CONSTRAINT "normative_document_cleanups_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_document_reviews" ADD CONSTRAINT "normative_document_reviews_document_id_normative_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."normative_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_document_reviews" ADD CONSTRAINT "normative_document_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_documents" ADD CONSTRAINT "normative_documents_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_documents" ADD CONSTRAINT "normative_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_records" ADD CONSTRAINT "field_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_records" ADD CONSTRAINT "field_records_case_step_id_case_steps_id_fk" FOREIGN KEY ("case_step_id") REFERENCES "public"."case_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_records" ADD CONSTRAINT "field_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_records" ADD CONSTRAINT "field_records_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_uploads" ADD CONSTRAINT "field_uploads_record_id_field_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."field_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_uploads" ADD CONSTRAINT "field_uploads_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_comments_item_idx" ON "decision_comments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "decision_items_catalogue_idx" ON "decision_items" USING btree ("catalogue_id");--> statement-breakpoint
CREATE INDEX "counsel_tasks_counsel_idx" ON "counsel_tasks" USING btree ("counsel_id");--> statement-breakpoint
CREATE INDEX "counsel_tasks_answered_idx" ON "counsel_tasks" USING btree ("answered_on");--> statement-breakpoint
CREATE INDEX "governance_meetings_held_idx" ON "governance_meetings" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "challenges_subject_idx" ON "challenges" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "challenges_filed_idx" ON "challenges" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_integrator_idx" ON "webhook_deliveries" USING btree ("integrator_id","id");--> statement-breakpoint
CREATE INDEX "normative_document_cleanups_document_idx" ON "normative_document_cleanups" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "normative_documents_status_idx" ON "normative_documents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "field_records_case_idx" ON "field_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "field_uploads_record_idx" ON "field_uploads" USING btree ("record_id");