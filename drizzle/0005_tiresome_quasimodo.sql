CREATE TABLE "enterprise_merges" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"merged_id" text NOT NULL,
	"merged_name" text NOT NULL,
	"merged_into_id" text NOT NULL,
	"snapshot" json NOT NULL,
	"moved" json NOT NULL,
	"merged_by" text NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'merged' NOT NULL,
	"split_by" text,
	"split_at" timestamp with time zone,
	CONSTRAINT "enterprise_merges_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "enterprise_merges_status_check" CHECK ("enterprise_merges"."status" in ('merged', 'split'))
);
--> statement-breakpoint
CREATE TABLE "match_pairs" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"pair_key" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"other_enterprise_id" text,
	"source_key" text,
	"incoming_key" text,
	"incoming_name" text,
	"incoming_address" text,
	"incoming_uscc" text,
	"score" numeric(5, 3) NOT NULL,
	"rule" text NOT NULL,
	"code_version" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"parts" json,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_pairs_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "match_pairs_status_check" CHECK ("match_pairs"."status" in ('queued', 'confirmed', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "enterprise_merges" ADD CONSTRAINT "enterprise_merges_into_fk" FOREIGN KEY ("region_code","merged_into_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_pairs" ADD CONSTRAINT "match_pairs_enterprise_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_pairs" ADD CONSTRAINT "match_pairs_other_fk" FOREIGN KEY ("region_code","other_enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_merges_into_idx" ON "enterprise_merges" USING btree ("region_code","merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_pairs_pair_key_idx" ON "match_pairs" USING btree ("region_code","pair_key");--> statement-breakpoint
CREATE INDEX "match_pairs_status_idx" ON "match_pairs" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "match_pairs_incoming_idx" ON "match_pairs" USING btree ("region_code","incoming_key");