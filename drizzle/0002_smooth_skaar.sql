CREATE TABLE "chain_map_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"min_firms" integer NOT NULL,
	"min_local_supply_rate" numeric(6, 4) NOT NULL,
	"max_supplier_hhi" numeric(6, 4) NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chain_map_settings" ADD CONSTRAINT "chain_map_settings_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;