CREATE TABLE "penalty_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"year" integer NOT NULL,
	"fine_fen" bigint NOT NULL,
	"record" jsonb NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_id" integer NOT NULL,
	"withdrawn_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_id" integer,
	"withdrawal_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "penalty_publications_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "data_error_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket" text NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" text NOT NULL,
	"description" text NOT NULL,
	"contact" text,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_error_reports_ticket" UNIQUE("ticket")
);
--> statement-breakpoint
CREATE TABLE "info_request_reply_seqs" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "info_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text NOT NULL,
	"address" text,
	"email" text,
	"description" text NOT NULL,
	"provision_form" text NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_on" date,
	"correction_notice_on" date,
	"correction_matters" text,
	"corrected_on" date,
	"extension_working_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"extended_on" date,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_on" date,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"reply_kind" text,
	"reply_content" jsonb,
	"replied_on" date,
	"reply_number" text,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"excessive" boolean DEFAULT false NOT NULL,
	"handled_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "info_requests_number" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "owner_kind" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "owner_id" integer;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD COLUMN "water_site_id" integer;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD COLUMN "river_name" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "end_ground" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "ended_by_id" integer;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD COLUMN "approval_publicity_start_on" date;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD COLUMN "approval_publicity_ends_on" date;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD COLUMN "hearing_notice_on" date;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD COLUMN "hearing_request_due_on" date;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD COLUMN "hearing_requested_on" date;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_error_reports" ADD CONSTRAINT "data_error_reports_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "penalty_publications_list_idx" ON "penalty_publications" USING btree ("decided_on","id");--> statement-breakpoint
CREATE INDEX "penalty_publications_district_idx" ON "penalty_publications" USING btree ("district_id","decided_on","id");--> statement-breakpoint
CREATE INDEX "penalty_publications_enterprise_idx" ON "penalty_publications" USING btree ("enterprise_id","decided_on","id");--> statement-breakpoint
CREATE INDEX "penalty_publications_year_idx" ON "penalty_publications" USING btree ("year","decided_on","id");--> statement-breakpoint
CREATE INDEX "data_error_reports_status_idx" ON "data_error_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "info_requests_status_idx" ON "info_requests" USING btree ("status");--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_water_site_id_water_sites_id_fk" FOREIGN KEY ("water_site_id") REFERENCES "public"."water_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_ended_by_id_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_owner_idx" ON "evidence_files" USING btree ("owner_kind","owner_id","id");--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_water_site" UNIQUE("campaign_id","water_site_id");--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_river" UNIQUE("campaign_id","river_name");--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_one_owner" CHECK (("evidence_files"."case_id" IS NOT NULL AND "evidence_files"."owner_kind" IS NULL AND "evidence_files"."owner_id" IS NULL)
    OR ("evidence_files"."case_id" IS NULL AND "evidence_files"."owner_kind" IS NOT NULL AND "evidence_files"."owner_id" IS NOT NULL));