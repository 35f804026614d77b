CREATE INDEX "cases_enterprise_due_idx" ON "cases" USING btree ("enterprise_id","decision_due_on","id");--> statement-breakpoint
CREATE INDEX "cases_filed_on_idx" ON "cases" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "committee_discussions_case_idx" ON "committee_discussions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "leads_enterprise_idx" ON "leads" USING btree ("enterprise_id","discovered_on");--> statement-breakpoint
CREATE INDEX "payments_case_idx" ON "payments" USING btree ("case_id","paid_on","id");--> statement-breakpoint
CREATE INDEX "monitoring_data_points_outfall_time_idx" ON "monitoring_data_points" USING btree ("outfall_id","data_time") WHERE cn in (2051, 2061, 2031);--> statement-breakpoint
CREATE INDEX "monitoring_events_outfall_ongoing_idx" ON "monitoring_events" USING btree ("outfall_id","start_at") WHERE ongoing;