CREATE INDEX "cases_enterprise_due_idx" ON "cases" USING btree ("enterprise_id","decision_due_on","id");--> statement-breakpoint
CREATE INDEX "cases_filed_on_idx" ON "cases" USING btree ("filed_on");