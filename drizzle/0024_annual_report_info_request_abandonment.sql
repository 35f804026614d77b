CREATE TABLE "annual_report_paragraph_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"paragraph_key" text NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"edited_by_id" integer NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "annual_report_paragraph_version_uq" UNIQUE("report_id","paragraph_key","version")
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by_id" integer,
	"frozen_figures" jsonb,
	CONSTRAINT "annual_reports_year_unique" UNIQUE("year")
);
--> statement-breakpoint
ALTER TABLE "info_requests" ADD COLUMN "correction_due_on" date;--> statement-breakpoint
ALTER TABLE "info_requests" ADD COLUMN "late_correction_reason" text;--> statement-breakpoint
ALTER TABLE "info_requests" ADD COLUMN "abandoned_on" date;--> statement-breakpoint
ALTER TABLE "annual_report_paragraph_versions" ADD CONSTRAINT "annual_report_paragraph_versions_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_paragraph_versions" ADD CONSTRAINT "annual_report_paragraph_versions_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_finalised_by_id_users_id_fk" FOREIGN KEY ("finalised_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;