CREATE TABLE "manual_edits" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"field" text NOT NULL,
	"value" text,
	"by_user" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manual_edits_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
ALTER TABLE "enterprise_sites" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "manual_edits" ADD CONSTRAINT "manual_edits_region_code_enterprise_id_enterprises_region_code_id_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "manual_edits_enterprise_idx" ON "manual_edits" USING btree ("region_code","enterprise_id","at");