ALTER TABLE "field_provenance" DROP CONSTRAINT "field_provenance_region_code_enterprise_id_field_import_id_pk";--> statement-breakpoint
ALTER TABLE "import_rows" ALTER COLUMN "raw" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "import_rows" ALTER COLUMN "errors" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "field_provenance" ADD CONSTRAINT "field_provenance_region_code_enterprise_id_import_id_row_number_pk" PRIMARY KEY("region_code","enterprise_id","import_id","row_number");--> statement-breakpoint
ALTER TABLE "field_provenance" ADD COLUMN "fields" json NOT NULL;--> statement-breakpoint
ALTER TABLE "field_provenance" DROP COLUMN "field";--> statement-breakpoint
ALTER TABLE "field_provenance" DROP COLUMN "value";