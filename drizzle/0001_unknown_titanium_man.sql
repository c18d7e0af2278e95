CREATE TABLE "field_provenance" (
	"region_code" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"field" text NOT NULL,
	"value" text,
	"import_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_provenance_region_code_enterprise_id_field_import_id_pk" PRIMARY KEY("region_code","enterprise_id","field","import_id")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"region_code" text NOT NULL,
	"import_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"errors" jsonb,
	"enterprise_id" text,
	CONSTRAINT "import_rows_region_code_import_id_row_number_pk" PRIMARY KEY("region_code","import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_valid" integer DEFAULT 0 NOT NULL,
	"rows_invalid" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"file_error" text,
	"by_user" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
ALTER TABLE "field_provenance" ADD CONSTRAINT "field_provenance_region_code_import_id_imports_region_code_id_fk" FOREIGN KEY ("region_code","import_id") REFERENCES "public"."imports"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_region_code_import_id_imports_region_code_id_fk" FOREIGN KEY ("region_code","import_id") REFERENCES "public"."imports"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_enterprise_idx" ON "import_rows" USING btree ("region_code","enterprise_id");--> statement-breakpoint
CREATE INDEX "imports_sha_idx" ON "imports" USING btree ("region_code","kind","sha256");