CREATE TABLE "electricity_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"device_id" integer,
	"factor_code" text,
	"rated_kw" double precision NOT NULL,
	"on_threshold_kw" double precision NOT NULL,
	"under_load_ratio" double precision DEFAULT 0.3 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "electricity_channels_device_factor" UNIQUE("device_id","factor_code")
);
--> statement-breakpoint
CREATE TABLE "electricity_readings" (
	"channel_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kw" double precision NOT NULL,
	CONSTRAINT "electricity_readings_channel_id_at_pk" PRIMARY KEY("channel_id","at")
);
--> statement-breakpoint
CREATE TABLE "monitoring_data_points" (
	"device_id" integer NOT NULL,
	"cn" smallint NOT NULL,
	"pollutant" text NOT NULL,
	"data_time" timestamp with time zone NOT NULL,
	"outfall_id" integer,
	"rtd" double precision,
	"min" double precision,
	"avg" double precision,
	"max" double precision,
	"cou" double precision,
	"zs_rtd" double precision,
	"zs_avg" double precision,
	"flag" text,
	CONSTRAINT "monitoring_data_points_device_id_cn_pollutant_data_time_pk" PRIMARY KEY("device_id","cn","pollutant","data_time")
);
--> statement-breakpoint
CREATE TABLE "monitoring_devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"mn" text NOT NULL,
	"password" text NOT NULL,
	"kind" text DEFAULT 'emission' NOT NULL,
	"enterprise_id" integer NOT NULL,
	"outfall_id" integer,
	"interval_s" integer DEFAULT 60 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_devices_mn_unique" UNIQUE("mn")
);
--> statement-breakpoint
CREATE TABLE "monitoring_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"outfall_id" integer,
	"device_id" integer,
	"pollutant" text,
	"scope_key" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"ongoing" boolean DEFAULT true NOT NULL,
	"units" integer NOT NULL,
	"peak_value" double precision,
	"peak_at" timestamp with time zone,
	"limit_value" double precision,
	"limit_citation" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lead_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_events_scope_start" UNIQUE("kind","scope_key","start_at")
);
--> statement-breakpoint
CREATE TABLE "monitoring_limits" (
	"id" serial PRIMARY KEY NOT NULL,
	"outfall_id" integer NOT NULL,
	"pollutant" text NOT NULL,
	"period" text NOT NULL,
	"lower" double precision,
	"upper" double precision,
	"use_reference" boolean DEFAULT false NOT NULL,
	"basis" text NOT NULL,
	"citation" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_packets" (
	"device_id" integer NOT NULL,
	"cn" smallint NOT NULL,
	"data_time" timestamp with time zone NOT NULL,
	"qn" text,
	"points" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_packets_device_id_cn_data_time_pk" PRIMARY KEY("device_id","cn","data_time")
);
--> statement-breakpoint
CREATE TABLE "monitoring_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"field" text,
	"mn" text,
	"remote" text,
	"sample" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"source" text NOT NULL,
	"received_on" date NOT NULL,
	"content" text NOT NULL,
	"handling" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"closed_on" date,
	"lead_id" integer,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draw_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"draw_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"officer_ids" integer[] NOT NULL,
	"risk_score" double precision NOT NULL,
	"cause" text,
	"drawn_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" serial PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"drawn_by_id" integer,
	"title" text NOT NULL,
	"pool" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"weights_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_list_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"exited_at" timestamp with time zone,
	"exit_reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positive_list_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"status" text NOT NULL,
	"admission" jsonb NOT NULL,
	"proposed_by_id" integer,
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by_id" integer,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removal_reason" text
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"source" text NOT NULL,
	"requirement" text NOT NULL,
	"ordered_on" date NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_weight_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"weights" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "electricity_channels" ADD CONSTRAINT "electricity_channels_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electricity_channels" ADD CONSTRAINT "electricity_channels_device_id_monitoring_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."monitoring_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_devices" ADD CONSTRAINT "monitoring_devices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_devices" ADD CONSTRAINT "monitoring_devices_outfall_id_outfalls_id_fk" FOREIGN KEY ("outfall_id") REFERENCES "public"."outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_outfall_id_outfalls_id_fk" FOREIGN KEY ("outfall_id") REFERENCES "public"."outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_device_id_monitoring_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."monitoring_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_limits" ADD CONSTRAINT "monitoring_limits_outfall_id_outfalls_id_fk" FOREIGN KEY ("outfall_id") REFERENCES "public"."outfalls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_items" ADD CONSTRAINT "inspection_draw_items_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draw_items" ADD CONSTRAINT "inspection_draw_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_drawn_by_id_users_id_fk" FOREIGN KEY ("drawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_list_entries" ADD CONSTRAINT "key_list_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_entries" ADD CONSTRAINT "positive_list_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_entries" ADD CONSTRAINT "positive_list_entries_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_entries" ADD CONSTRAINT "positive_list_entries_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_weight_sets" ADD CONSTRAINT "risk_weight_sets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "electricity_channels_enterprise_idx" ON "electricity_channels" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "monitoring_devices_enterprise_idx" ON "monitoring_devices" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "monitoring_events_enterprise_idx" ON "monitoring_events" USING btree ("enterprise_id","start_at");--> statement-breakpoint
CREATE INDEX "monitoring_events_start_idx" ON "monitoring_events" USING btree ("start_at");--> statement-breakpoint
CREATE INDEX "monitoring_limits_outfall_idx" ON "monitoring_limits" USING btree ("outfall_id","pollutant");--> statement-breakpoint
CREATE INDEX "monitoring_packets_received_idx" ON "monitoring_packets" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "monitoring_rejections_at_idx" ON "monitoring_rejections" USING btree ("at");--> statement-breakpoint
CREATE INDEX "monitoring_rejections_reason_idx" ON "monitoring_rejections" USING btree ("reason");--> statement-breakpoint
CREATE INDEX "complaints_enterprise_idx" ON "complaints" USING btree ("enterprise_id","received_on");--> statement-breakpoint
CREATE INDEX "inspection_draw_items_enterprise_idx" ON "inspection_draw_items" USING btree ("enterprise_id","drawn_on");--> statement-breakpoint
CREATE INDEX "inspection_draws_at_idx" ON "inspection_draws" USING btree ("drawn_at");--> statement-breakpoint
CREATE INDEX "key_list_enterprise_idx" ON "key_list_entries" USING btree ("enterprise_id","exited_at");--> statement-breakpoint
CREATE INDEX "positive_list_enterprise_idx" ON "positive_list_entries" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "rectifications_enterprise_idx" ON "rectifications" USING btree ("enterprise_id");