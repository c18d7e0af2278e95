-- Supply analytics cache (src/modules/supply/supply.cache.ts). Hand-written: drizzle-kit cannot express the
-- statement triggers, and both tables hold derived data that backups leave out on purpose.
--
-- supply_data_versions: one row per region whose number changes in the same transaction as any change to the
-- rows the supply figures are computed from (flows, firms and their towns, memberships, sites, nodes, reach
-- pairs). Values come from one sequence, so a version is never reused, even after a restore or a row delete.
CREATE SEQUENCE "supply_data_version_seq";
--> statement-breakpoint
CREATE TABLE "supply_data_versions" (
	"region_code" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- Results of heavy supply queries, valid while data_version equals the region's current version.
CREATE TABLE "supply_cache" (
	"region_code" text NOT NULL,
	"cache_key" text NOT NULL,
	"data_version" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_cache_pk" PRIMARY KEY ("region_code", "cache_key")
);
--> statement-breakpoint
-- Statement-level (one bump per statement, not per row): a 5,000-row batch insert costs one small upsert.
CREATE FUNCTION "supply_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO supply_data_versions (region_code, version)
	SELECT r.region_code, nextval('supply_data_version_seq') FROM (SELECT DISTINCT region_code FROM changed_rows) r
	ON CONFLICT (region_code) DO UPDATE SET version = excluded.version;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['trade_flows', 'enterprises', 'enterprise_nodes', 'enterprise_sites', 'chain_nodes', 'supply_reach'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supply_bump_data_version()', t || '_supply_version_ins', t);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supply_bump_data_version()', t || '_supply_version_upd', t);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supply_bump_data_version()', t || '_supply_version_del', t);
	END LOOP;
END
$$;
