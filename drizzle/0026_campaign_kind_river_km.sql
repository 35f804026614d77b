ALTER TABLE "campaign_targets" ADD COLUMN "surveyed_km" double precision;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "kind" text;