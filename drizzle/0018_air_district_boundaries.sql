CREATE TABLE "air_district_boundaries" (
	"district_id" integer PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text NOT NULL,
	"licence" text NOT NULL,
	"review_number" text,
	"imported_by" integer,
	"imported_by_name" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "air_district_boundaries" ADD CONSTRAINT "air_district_boundaries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;