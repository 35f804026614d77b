CREATE TABLE "measure_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"measure_id" integer NOT NULL,
	"event" text NOT NULL,
	"occurred_on" date NOT NULL,
	"actor_id" integer,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"basis" jsonb NOT NULL,
	"responsible_officer_id" integer NOT NULL,
	"started_on" date NOT NULL,
	"due_on" date,
	"ended_on" date,
	"record" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_events" ADD CONSTRAINT "measure_events_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_events" ADD CONSTRAINT "measure_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_responsible_officer_id_users_id_fk" FOREIGN KEY ("responsible_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_events_measure_idx" ON "measure_events" USING btree ("measure_id","id");--> statement-breakpoint
CREATE INDEX "measures_case_idx" ON "measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "measures_kind_status_idx" ON "measures" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "measures_started_idx" ON "measures" USING btree ("started_on");