CREATE TABLE "road_networks" (
	"region_code" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"source_name" text NOT NULL,
	"source_sha256" text,
	"source_format" text NOT NULL,
	"vertex_count" integer NOT NULL,
	"segment_count" integer NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "road_networks_source_format" CHECK ("road_networks"."source_format" in ('pbf', 'xml', 'network', 'synthetic')),
	CONSTRAINT "road_networks_content_hash_format" CHECK ("road_networks"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "road_networks" ADD CONSTRAINT "road_networks_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;