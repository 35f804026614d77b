CREATE TABLE "popularisation_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"audience" text NOT NULL,
	"materials_given" integer NOT NULL,
	"attendance" integer NOT NULL,
	"photos" jsonb NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "popularisation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"content" text NOT NULL,
	"responsible_person" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "popularisation_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "popularisation_plans_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "training_study_attendees" (
	"session_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "training_study_attendees_session_user" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_study_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"host_id" integer NOT NULL,
	"materials" jsonb NOT NULL,
	"minutes" text NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "typical_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"analysis" text NOT NULL,
	"lesson" text NOT NULL,
	"status" text NOT NULL,
	"drafted_by_id" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "typical_cases_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "annual_task_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"month" text NOT NULL,
	"progress" text NOT NULL,
	"percent" integer,
	"status" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reported_on" date NOT NULL,
	"reported_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "annual_task_reports_one_per_month" UNIQUE("task_id","department_id","month")
);
--> statement-breakpoint
CREATE TABLE "annual_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"lead_department_id" integer NOT NULL,
	"co_department_ids" jsonb NOT NULL,
	"due_on" date NOT NULL,
	"first_month" text NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"kind" text NOT NULL,
	"management_class" text NOT NULL,
	"permit_id" integer,
	"on_site_check" boolean DEFAULT false NOT NULL,
	"received_on" date NOT NULL,
	"notice_due_on" date NOT NULL,
	"noticed_on" date,
	"missing_materials" text,
	"accepted_on" date,
	"deemed_accepted" boolean DEFAULT false NOT NULL,
	"decision_due_on" date,
	"provisional" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"change_summary" text,
	"changed_on" date,
	"proposed_number" text,
	"proposed_outfalls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_on" date,
	"decided_by_id" integer,
	"reasons" text,
	"submitted_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_discharge_leads" (
	"outfall_id" integer NOT NULL,
	"lapsed_permit_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"lead_id" integer NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "permit_discharge_leads_outfall_id_lapsed_permit_id_pk" PRIMARY KEY("outfall_id","lapsed_permit_id")
);
--> statement-breakpoint
CREATE TABLE "permit_limits" (
	"id" serial PRIMARY KEY NOT NULL,
	"permit_outfall_id" integer NOT NULL,
	"pollutant" text NOT NULL,
	"concentration" double precision,
	"concentration_unit" text,
	"period" text DEFAULT 'hour' NOT NULL,
	"annual_total" integer,
	"annual_total_unit" text,
	CONSTRAINT "permit_limits_outfall_pollutant" UNIQUE("permit_outfall_id","pollutant","period")
);
--> statement-breakpoint
CREATE TABLE "permit_outfalls" (
	"id" serial PRIMARY KEY NOT NULL,
	"permit_id" integer NOT NULL,
	"outfall_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"location" text NOT NULL,
	CONSTRAINT "permit_outfalls_permit_outfall" UNIQUE("permit_id","outfall_id")
);
--> statement-breakpoint
CREATE TABLE "permit_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"permit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"due_on" date NOT NULL,
	"submitted_on" date NOT NULL,
	"summary" text NOT NULL,
	"submitted_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "permit_reports_period" UNIQUE("permit_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"management_class" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text NOT NULL,
	"report_kinds" jsonb NOT NULL,
	"application_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "permits_number_valid_from" UNIQUE("number","valid_from")
);
--> statement-breakpoint
CREATE TABLE "zoning_unit_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"label" text NOT NULL,
	"source" text,
	"unit_count" integer NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"imported_by_id" integer,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "zoning_unit_versions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "zoning_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"district" text,
	"geometry" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"prohibited_industries" jsonb NOT NULL,
	"restricted_industries" jsonb NOT NULL,
	"restriction_conditions" text,
	"discharge_conditions" text,
	"demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "zoning_units_version_code" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "eia_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"project_name" text NOT NULL,
	"site" jsonb NOT NULL,
	"site_address" text NOT NULL,
	"industry_code" text NOT NULL,
	"investment_fen" bigint NOT NULL,
	"catalogue_version" text NOT NULL,
	"catalogue_item" integer NOT NULL,
	"category" text NOT NULL,
	"sensitive_area" boolean NOT NULL,
	"prior_approval_number" text,
	"supplied" jsonb NOT NULL,
	"tolerated" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"commitment_path" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"deemed_accepted" boolean DEFAULT false NOT NULL,
	"acceptance_publicity_ends_on" date,
	"site_check" jsonb,
	"decision" text,
	"decided_on" date,
	"decision_grounds" jsonb,
	"decision_text" text,
	"document_number" text,
	"decided_by_id" integer,
	"verification_due_on" date,
	"verified_on" date,
	"revoked_on" date,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eia_applications_document_number_unique" UNIQUE("document_number")
);
--> statement-breakpoint
CREATE TABLE "eia_correction_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"number" text NOT NULL,
	"missing" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eia_correction_notices_number_unique" UNIQUE("number"),
	CONSTRAINT "eia_correction_notices_receipt" UNIQUE("application_id","received_on")
);
--> statement-breakpoint
CREATE TABLE "eia_credit_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"reason" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eia_credit_records_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "eia_document_sequences" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "eia_document_sequences_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "eia_pauses" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"notice_on" date NOT NULL,
	"note" text,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_inspections" ADD COLUMN "participant_district_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_inspections" ADD COLUMN "cross_district" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "popularisation_activities" ADD CONSTRAINT "popularisation_activities_item_id_popularisation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."popularisation_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "popularisation_activities" ADD CONSTRAINT "popularisation_activities_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "popularisation_items" ADD CONSTRAINT "popularisation_items_plan_id_popularisation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."popularisation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "popularisation_items" ADD CONSTRAINT "popularisation_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "popularisation_plans" ADD CONSTRAINT "popularisation_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_attendees" ADD CONSTRAINT "training_study_attendees_session_id_training_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_study_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_attendees" ADD CONSTRAINT "training_study_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_sessions" ADD CONSTRAINT "training_study_sessions_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_study_sessions" ADD CONSTRAINT "training_study_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_drafted_by_id_users_id_fk" FOREIGN KEY ("drafted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_task_reports" ADD CONSTRAINT "annual_task_reports_task_id_annual_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."annual_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_task_reports" ADD CONSTRAINT "annual_task_reports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_task_reports" ADD CONSTRAINT "annual_task_reports_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD CONSTRAINT "annual_tasks_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD CONSTRAINT "annual_tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_discharge_leads" ADD CONSTRAINT "permit_discharge_leads_outfall_id_outfalls_id_fk" FOREIGN KEY ("outfall_id") REFERENCES "public"."outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_discharge_leads" ADD CONSTRAINT "permit_discharge_leads_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_limits" ADD CONSTRAINT "permit_limits_permit_outfall_id_permit_outfalls_id_fk" FOREIGN KEY ("permit_outfall_id") REFERENCES "public"."permit_outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_outfalls" ADD CONSTRAINT "permit_outfalls_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_outfalls" ADD CONSTRAINT "permit_outfalls_outfall_id_outfalls_id_fk" FOREIGN KEY ("outfall_id") REFERENCES "public"."outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_reports" ADD CONSTRAINT "permit_reports_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_reports" ADD CONSTRAINT "permit_reports_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zoning_unit_versions" ADD CONSTRAINT "zoning_unit_versions_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zoning_units" ADD CONSTRAINT "zoning_units_version_id_zoning_unit_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."zoning_unit_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD CONSTRAINT "eia_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD CONSTRAINT "eia_applications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD CONSTRAINT "eia_applications_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_applications" ADD CONSTRAINT "eia_applications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_correction_notices" ADD CONSTRAINT "eia_correction_notices_application_id_eia_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."eia_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_correction_notices" ADD CONSTRAINT "eia_correction_notices_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_credit_records" ADD CONSTRAINT "eia_credit_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_credit_records" ADD CONSTRAINT "eia_credit_records_application_id_eia_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."eia_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_credit_records" ADD CONSTRAINT "eia_credit_records_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_pauses" ADD CONSTRAINT "eia_pauses_application_id_eia_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."eia_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_pauses" ADD CONSTRAINT "eia_pauses_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "popularisation_activities_held_idx" ON "popularisation_activities" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "popularisation_items_plan_idx" ON "popularisation_items" USING btree ("plan_id","department_id");--> statement-breakpoint
CREATE INDEX "training_study_sessions_held_idx" ON "training_study_sessions" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "typical_cases_status_idx" ON "typical_cases" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "annual_task_reports_task_idx" ON "annual_task_reports" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "annual_tasks_year_idx" ON "annual_tasks" USING btree ("year");--> statement-breakpoint
CREATE INDEX "permit_applications_enterprise_idx" ON "permit_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "permits_enterprise_idx" ON "permits" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zoning_unit_versions_one_current" ON "zoning_unit_versions" USING btree ("is_current") WHERE "zoning_unit_versions"."is_current";--> statement-breakpoint
CREATE INDEX "zoning_units_version_idx" ON "zoning_units" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "eia_applications_enterprise_idx" ON "eia_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "eia_applications_status_idx" ON "eia_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "eia_pauses_application_idx" ON "eia_pauses" USING btree ("application_id");