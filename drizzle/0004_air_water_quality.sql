CREATE TABLE "air_daily" (
	"station_id" integer NOT NULL,
	"observed_on" date NOT NULL,
	"so2" double precision,
	"no2" double precision,
	"co" double precision,
	"pm10" double precision,
	"pm25" double precision,
	"o3_max_1h" double precision,
	"o3_max_8h" double precision,
	"valid_hours" smallint[] NOT NULL,
	"aqi" smallint,
	"aqi_complete" boolean NOT NULL,
	"primary_pollutants" text[] NOT NULL,
	"standard" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "air_daily_station_id_observed_on_pk" PRIMARY KEY("station_id","observed_on")
);
--> statement-breakpoint
CREATE TABLE "air_hourly" (
	"station_id" integer NOT NULL,
	"observed_on" date NOT NULL,
	"hour" smallint NOT NULL,
	"so2" double precision,
	"no2" double precision,
	"co" double precision,
	"o3" double precision,
	"pm10" double precision,
	"pm25" double precision,
	"invalid_mask" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "air_hourly_station_id_observed_on_hour_pk" PRIMARY KEY("station_id","observed_on","hour")
);
--> statement-breakpoint
CREATE TABLE "air_stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"district_id" integer NOT NULL,
	"township_id" integer,
	"longitude" double precision NOT NULL,
	"latitude" double precision NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "air_stations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "quality_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"ranking" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" integer,
	"published_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_sanctions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ranking" text NOT NULL,
	"period" text NOT NULL,
	"district_id" integer NOT NULL,
	"township_id" integer,
	"unit_key" text NOT NULL,
	"rule_id" integer NOT NULL,
	"publication_id" integer,
	"reason" text NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" integer,
	CONSTRAINT "quality_sanctions_once" UNIQUE("rule_id","period","unit_key")
);
--> statement-breakpoint
CREATE TABLE "quality_trigger_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ranking" text NOT NULL,
	"kind" text NOT NULL,
	"consecutive" integer,
	"threshold_percent" double precision,
	"action" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "water_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"month" text NOT NULL,
	"sampled_on" date NOT NULL,
	"values" jsonb NOT NULL,
	"dry" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "water_samples_site_month" UNIQUE("site_id","month")
);
--> statement-breakpoint
CREATE TABLE "water_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"body" text NOT NULL,
	"water_name" text,
	"district_id" integer NOT NULL,
	"township_id" integer,
	"longitude" double precision NOT NULL,
	"latitude" double precision NOT NULL,
	"target_class" smallint,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "water_sites_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "air_daily" ADD CONSTRAINT "air_daily_station_id_air_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."air_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "air_hourly" ADD CONSTRAINT "air_hourly_station_id_air_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."air_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "air_stations" ADD CONSTRAINT "air_stations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "air_stations" ADD CONSTRAINT "air_stations_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sanctions" ADD CONSTRAINT "quality_sanctions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sanctions" ADD CONSTRAINT "quality_sanctions_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sanctions" ADD CONSTRAINT "quality_sanctions_rule_id_quality_trigger_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."quality_trigger_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_sanctions" ADD CONSTRAINT "quality_sanctions_publication_id_quality_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."quality_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_samples" ADD CONSTRAINT "water_samples_site_id_water_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."water_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_sites" ADD CONSTRAINT "water_sites_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_sites" ADD CONSTRAINT "water_sites_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "air_daily_on_idx" ON "air_daily" USING btree ("observed_on");--> statement-breakpoint
CREATE INDEX "air_stations_district_idx" ON "air_stations" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "air_stations_township_idx" ON "air_stations" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "quality_publications_ranking_idx" ON "quality_publications" USING btree ("ranking","period");--> statement-breakpoint
CREATE INDEX "quality_sanctions_district_idx" ON "quality_sanctions" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "water_samples_month_idx" ON "water_samples" USING btree ("month");--> statement-breakpoint
CREATE INDEX "water_sites_district_idx" ON "water_sites" USING btree ("district_id");