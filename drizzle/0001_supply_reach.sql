CREATE TABLE "supply_reach" (
	"region_code" text NOT NULL,
	"minutes" smallint NOT NULL,
	"buyer_enterprise_id" text NOT NULL,
	"seller_enterprise_id" text NOT NULL,
	"seconds" real NOT NULL,
	"data_version" bigint NOT NULL,
	CONSTRAINT "supply_reach_region_code_minutes_buyer_enterprise_id_seller_enterprise_id_pk" PRIMARY KEY("region_code","minutes","buyer_enterprise_id","seller_enterprise_id"),
	CONSTRAINT "supply_reach_minutes_range" CHECK ("supply_reach"."minutes" between 1 and 240)
);
--> statement-breakpoint
ALTER TABLE "supply_reach" ADD CONSTRAINT "supply_reach_buyer_fk" FOREIGN KEY ("region_code","buyer_enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_reach" ADD CONSTRAINT "supply_reach_seller_fk" FOREIGN KEY ("region_code","seller_enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;