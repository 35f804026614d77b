DROP INDEX "cases_district_stage_idx";--> statement-breakpoint
DROP INDEX "cases_due_idx";--> statement-breakpoint
CREATE INDEX "cases_district_stage_due_idx" ON "cases" USING btree ("district_id","stage","decision_due_on","id");--> statement-breakpoint
CREATE INDEX "cases_stage_due_idx" ON "cases" USING btree ("stage","decision_due_on","id");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("decision_due_on","id");