CREATE TABLE "enterprise_nodes" (
	"region_code" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"node_id" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "enterprise_nodes_region_code_enterprise_id_node_id_pk" PRIMARY KEY("region_code","enterprise_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "enterprise_nodes" ADD CONSTRAINT "enterprise_nodes_region_code_enterprise_id_enterprises_region_code_id_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_nodes_node_idx" ON "enterprise_nodes" USING btree ("region_code","node_id");