ALTER TABLE "risk_weight_sets" ADD COLUMN "activation_seq" integer;--> statement-breakpoint
-- Versions already activated keep their order: by version.
UPDATE "risk_weight_sets" SET "activation_seq" = "version" WHERE "activated_at" IS NOT NULL AND "activation_seq" IS NULL;
