CREATE TABLE "monitoring_packet_parts" (
	"device_id" integer NOT NULL,
	"qn" text NOT NULL,
	"pno" smallint NOT NULL,
	"pnum" smallint NOT NULL,
	"cn" smallint NOT NULL,
	"segment" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"assembled_at" timestamp with time zone,
	CONSTRAINT "monitoring_packet_parts_device_id_qn_pno_pk" PRIMARY KEY("device_id","qn","pno")
);
--> statement-breakpoint
CREATE TABLE "monitoring_point_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"cn" smallint NOT NULL,
	"pollutant" text NOT NULL,
	"data_time" timestamp with time zone NOT NULL,
	"rtd" double precision,
	"min" double precision,
	"avg" double precision,
	"max" double precision,
	"cou" double precision,
	"zs_rtd" double precision,
	"zs_avg" double precision,
	"flag" text,
	"received_at" timestamp with time zone NOT NULL,
	"audited" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_unknown_codes" (
	"device_id" integer NOT NULL,
	"code" text NOT NULL,
	"cn" smallint NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "monitoring_unknown_codes_device_id_code_pk" PRIMARY KEY("device_id","code")
);
--> statement-breakpoint
ALTER TABLE "monitoring_data_points" ADD COLUMN "source_code" text;--> statement-breakpoint
ALTER TABLE "monitoring_rejections" ADD COLUMN "bytes" integer;--> statement-breakpoint
CREATE INDEX "monitoring_packet_parts_open_idx" ON "monitoring_packet_parts" USING btree ("assembled_at","received_at");--> statement-breakpoint
CREATE INDEX "monitoring_point_corrections_point_idx" ON "monitoring_point_corrections" USING btree ("device_id","cn","pollutant","data_time");