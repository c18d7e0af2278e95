CREATE TABLE "enterprise_aliases" (
	"region_code" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"alias" text NOT NULL,
	"source" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "enterprise_aliases_region_code_enterprise_id_alias_pk" PRIMARY KEY("region_code","enterprise_id","alias")
);
--> statement-breakpoint
CREATE TABLE "enterprise_sites" (
	"region_code" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"town_code" text,
	"lon" numeric(9, 6),
	"lat" numeric(9, 6),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "enterprise_sites_region_code_enterprise_id_id_pk" PRIMARY KEY("region_code","enterprise_id","id"),
	CONSTRAINT "enterprise_sites_kind_check" CHECK ("enterprise_sites"."kind" in ('registered', 'plant'))
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_initials" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "enterprise_aliases" ADD CONSTRAINT "enterprise_aliases_region_code_enterprise_id_enterprises_region_code_id_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_sites" ADD CONSTRAINT "enterprise_sites_region_code_enterprise_id_enterprises_region_code_id_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_aliases_alias_idx" ON "enterprise_aliases" USING btree ("region_code","alias");--> statement-breakpoint
CREATE INDEX "enterprises_initials_idx" ON "enterprises" USING btree ("region_code","name_initials" text_pattern_ops);