CREATE TABLE "case_exemption_facts" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"consequence" text,
	"correction_ordered_on" date,
	"corrected_on" date,
	"intentional" boolean,
	"attested_no_prior_elsewhere" boolean,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by_id" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_statutory_grounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"ground" text NOT NULL,
	"note" text NOT NULL,
	"recorded_by_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_statutory_grounds_ground" UNIQUE("case_id","ground")
);
--> statement-breakpoint
CREATE TABLE "exemption_catalogues" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"issuer" text NOT NULL,
	"effective_on" date NOT NULL,
	"expires_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_catalogues_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "exemption_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"catalogue_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"violated_provision" text NOT NULL,
	"penalty_provision" text NOT NULL,
	"circumstances" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_entries_seq" UNIQUE("catalogue_id","seq")
);
--> statement-breakpoint
CREATE TABLE "exemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"catalogue_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"decided_on" date NOT NULL,
	"evaluation" jsonb NOT NULL,
	"correction_order" text NOT NULL,
	"education" jsonb NOT NULL,
	"applied_by_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemptions_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "discretion_calculations" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"table_id" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"base_fen" bigint,
	"computed_fen" bigint NOT NULL,
	"legal_min_fen" bigint NOT NULL,
	"legal_max_fen" bigint NOT NULL,
	"breakdown" jsonb NOT NULL,
	"calculated_by_id" integer NOT NULL,
	"calculated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discretion_tables" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"violated_provision" jsonb NOT NULL,
	"penalty_provision" jsonb NOT NULL,
	"range" jsonb NOT NULL,
	"factors" jsonb NOT NULL,
	"baseline_percent" integer DEFAULT 0 NOT NULL,
	"rounding_fen" bigint NOT NULL,
	"effective_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "discretion_tables_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "file_review_standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"effective_on" date NOT NULL,
	"bands" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "file_review_standards_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "file_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"standard_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"score" integer NOT NULL,
	"band" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "file_reviews_case_reviewer" UNIQUE("case_id","reviewer_id")
);
--> statement-breakpoint
ALTER TABLE "case_exemption_facts" ADD CONSTRAINT "case_exemption_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_exemption_facts" ADD CONSTRAINT "case_exemption_facts_entry_id_exemption_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."exemption_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_exemption_facts" ADD CONSTRAINT "case_exemption_facts_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_statutory_grounds" ADD CONSTRAINT "case_statutory_grounds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_statutory_grounds" ADD CONSTRAINT "case_statutory_grounds_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemption_entries" ADD CONSTRAINT "exemption_entries_catalogue_id_exemption_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."exemption_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_catalogue_id_exemption_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."exemption_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_entry_id_exemption_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."exemption_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemptions" ADD CONSTRAINT "exemptions_applied_by_id_users_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_calculations" ADD CONSTRAINT "discretion_calculations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_calculations" ADD CONSTRAINT "discretion_calculations_table_id_discretion_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."discretion_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_calculations" ADD CONSTRAINT "discretion_calculations_calculated_by_id_users_id_fk" FOREIGN KEY ("calculated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_tables" ADD CONSTRAINT "discretion_tables_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_standards" ADD CONSTRAINT "file_review_standards_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_reviews" ADD CONSTRAINT "file_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_reviews" ADD CONSTRAINT "file_reviews_standard_id_file_review_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."file_review_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_reviews" ADD CONSTRAINT "file_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exemptions_decided_idx" ON "exemptions" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "exemptions_enterprise_idx" ON "exemptions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "discretion_calculations_case_idx" ON "discretion_calculations" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "file_reviews_submitted_idx" ON "file_reviews" USING btree ("status","submitted_at");