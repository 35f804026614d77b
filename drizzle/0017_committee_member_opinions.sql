CREATE TABLE "committee_member_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"stance" text NOT NULL,
	"words" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "committee_member_opinion_once" UNIQUE("meeting_id","case_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "committee_member_opinions" ADD CONSTRAINT "committee_member_opinions_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_member_opinions" ADD CONSTRAINT "committee_member_opinions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_member_opinions" ADD CONSTRAINT "committee_member_opinions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_member_opinions_case_idx" ON "committee_member_opinions" USING btree ("case_id");