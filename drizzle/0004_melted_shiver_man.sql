DROP TABLE "field_provenance" CASCADE;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "fields" json;