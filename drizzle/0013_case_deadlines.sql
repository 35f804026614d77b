CREATE TABLE "case_deadlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer,
	"lead_id" integer,
	"kind" text NOT NULL,
	"from_on" date NOT NULL,
	"extra_days" integer DEFAULT 0 NOT NULL,
	"due_on" date NOT NULL,
	"provisional_years" integer[] DEFAULT '{}' NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"recomputed_at" timestamp with time zone,
	"recomputed_for_year" integer,
	"previous_due_on" date
);
--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_case_idx" ON "case_deadlines" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "case_deadlines_lead_idx" ON "case_deadlines" USING btree ("lead_id");