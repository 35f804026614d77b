ALTER TABLE "leads" ADD COLUMN "filing_extension" jsonb;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "district_id" integer;--> statement-breakpoint
ALTER TABLE "risk_weight_sets" ADD COLUMN "activated_by_id" integer;--> statement-breakpoint
ALTER TABLE "risk_weight_sets" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_weight_sets" ADD CONSTRAINT "risk_weight_sets_activated_by_id_users_id_fk" FOREIGN KEY ("activated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_draws_district_idx" ON "inspection_draws" USING btree ("district_id","drawn_at");--> statement-breakpoint
-- Weight versions made before activation existed were in force on creation: they count as activated then.
UPDATE "risk_weight_sets" SET "activated_at" = "created_at", "activated_by_id" = "created_by_id" WHERE "activated_at" IS NULL;--> statement-breakpoint
-- Earlier draws by district users were drawn from their district only: record that scope.
UPDATE "inspection_draws" AS d SET "district_id" = u."district_id" FROM "users" AS u WHERE u."id" = d."drawn_by_id" AND u."district_id" IS NOT NULL AND d."district_id" IS NULL;
