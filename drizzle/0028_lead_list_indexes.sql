DROP INDEX "leads_district_idx";--> statement-breakpoint
CREATE INDEX "leads_district_status_due_idx" ON "leads" USING btree ("district_id","status","filing_due_on","id");--> statement-breakpoint
CREATE INDEX "leads_status_due_idx" ON "leads" USING btree ("status","filing_due_on","id");--> statement-breakpoint
CREATE INDEX "leads_due_idx" ON "leads" USING btree ("filing_due_on","id");