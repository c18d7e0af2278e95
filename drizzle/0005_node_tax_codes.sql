CREATE TABLE "node_tax_codes" (
	"region_code" text NOT NULL,
	"tax_code" text NOT NULL,
	"node_id" text NOT NULL,
	CONSTRAINT "node_tax_codes_region_code_tax_code_pk" PRIMARY KEY("region_code","tax_code")
);
--> statement-breakpoint
ALTER TABLE "node_tax_codes" ADD CONSTRAINT "node_tax_codes_region_code_node_id_chain_nodes_region_code_id_fk" FOREIGN KEY ("region_code","node_id") REFERENCES "public"."chain_nodes"("region_code","id") ON DELETE cascade ON UPDATE no action;