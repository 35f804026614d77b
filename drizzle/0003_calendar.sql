CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "calendar_days_kind" CHECK ("calendar_days"."kind" in ('rest', 'work')),
	CONSTRAINT "calendar_days_in_year" CHECK (extract(year from "calendar_days"."date") = "calendar_days"."year")
);
--> statement-breakpoint
CREATE TABLE "holiday_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_year_holiday_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."holiday_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "calendar_days" USING btree ("year");