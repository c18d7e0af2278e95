CREATE TABLE "candidate_nodes" (
	"region_code" text NOT NULL,
	"candidate_id" text NOT NULL,
	"node_id" text NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "candidate_nodes_region_code_candidate_id_node_id_pk" PRIMARY KEY("region_code","candidate_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"home_region_code" text NOT NULL,
	"revenue_wan" numeric(14, 2),
	"is_listed" boolean DEFAULT false NOT NULL,
	"growth_rate" numeric(7, 4),
	"distance_km" numeric(8, 1),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "candidates_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "candidates_home_region_code_format" CHECK ("candidates"."home_region_code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "chain_groups" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "chain_groups_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "chain_nodes" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"chain_id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"name_sort_key" text NOT NULL,
	"tier" text NOT NULL,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"bone_zh" text,
	"bone_en" text,
	"is_key_node" boolean DEFAULT false NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "chain_nodes_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "chain_roles" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"chain_id" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"note" text,
	"is_assumption" boolean DEFAULT false NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "chain_roles_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "chain_targets" (
	"region_code" text NOT NULL,
	"chain_id" text NOT NULL,
	"year" smallint NOT NULL,
	"output_wan" numeric(16, 2) NOT NULL,
	"name_zh" text NOT NULL,
	"is_assumption" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "chain_targets_region_code_chain_id_year_pk" PRIMARY KEY("region_code","chain_id","year")
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"group_id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "chains_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "industry_classes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text
);
--> statement-breakpoint
CREATE TABLE "node_inputs" (
	"region_code" text NOT NULL,
	"from_node_id" text NOT NULL,
	"to_node_id" text NOT NULL,
	CONSTRAINT "node_inputs_region_code_from_node_id_to_node_id_pk" PRIMARY KEY("region_code","from_node_id","to_node_id")
);
--> statement-breakpoint
CREATE TABLE "fund_investments" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"fund_id" text NOT NULL,
	"project_id" text,
	"target_name" text NOT NULL,
	"amount_wan" numeric(14, 2),
	"invested_on" date,
	"is_attracted_project" boolean DEFAULT false NOT NULL,
	"is_local" boolean DEFAULT false NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "fund_investments_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"size_wan" numeric(14, 2) NOT NULL,
	"government_commitment_wan" numeric(14, 2),
	"paid_in_wan" numeric(14, 2),
	"manager" text,
	"focus_chain_id" text,
	"established_on" date,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "funds_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "funds_kind_check" CHECK ("funds"."kind" in ('mother', 'sub')),
	CONSTRAINT "funds_size_check" CHECK ("funds"."size_wan" >= 0)
);
--> statement-breakpoint
CREATE TABLE "chokepoints" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"chain_id" text,
	"platform_id" text,
	"title" text NOT NULL,
	"link" text,
	"common_tech" text,
	"scenario" text,
	"status" text DEFAULT 'open' NOT NULL,
	"solver_kind" text,
	"solver_name" text,
	"opened_on" date,
	"solved_on" date,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "chokepoints_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "chokepoints_status_check" CHECK ("chokepoints"."status" in ('open', 'in_progress', 'solved')),
	CONSTRAINT "chokepoints_solver_kind_check" CHECK ("chokepoints"."solver_kind" in ('open_call', 'commissioned', 'joint', 'in_house'))
);
--> statement-breakpoint
CREATE TABLE "platform_members" (
	"region_code" text NOT NULL,
	"platform_id" text NOT NULL,
	"member_id" text NOT NULL,
	"member_name" text NOT NULL,
	"member_kind" text NOT NULL,
	"enterprise_id" text,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "platform_members_region_code_platform_id_member_id_pk" PRIMARY KEY("region_code","platform_id","member_id"),
	CONSTRAINT "platform_members_kind_check" CHECK ("platform_members"."member_kind" in ('firm', 'university', 'institute', 'other'))
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"parent_id" text,
	"chain_id" text,
	"founded_on" text,
	"partner" text,
	"note" text,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "platforms_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "platforms_kind_check" CHECK ("platforms"."kind" in ('innovation_center', 'test_center', 'research_institute', 'lab', 'alliance', 'service_center')),
	CONSTRAINT "platforms_founded_on_check" CHECK ("platforms"."founded_on" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "research_projects" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"platform_id" text,
	"chain_id" text,
	"chokepoint_id" text,
	"started_on" date,
	"budget_wan" numeric(12, 2),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "research_projects_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "research_projects_level_check" CHECK ("research_projects"."level" in ('provincial', 'national'))
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"parent_id" text,
	"name_zh" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"frame" text NOT NULL,
	"town_code" text,
	"area_mu" numeric(12, 2),
	"status_zh" text,
	"status_year" smallint,
	"note" text,
	"lon" numeric(9, 6),
	"lat" numeric(9, 6),
	"is_location_approximate" boolean DEFAULT true NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "parks_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "land_agreements" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"project_id" text NOT NULL,
	"parcel_id" text NOT NULL,
	"signed_on" date,
	"land_price_wan" numeric(14, 2),
	"start_due_on" date,
	"completion_due_on" date,
	"investment_per_mu_wan" numeric(10, 2),
	"value_added_per_mu_wan" numeric(10, 2),
	"tax_per_mu_wan" numeric(10, 2),
	"labor_productivity_wan" numeric(10, 2),
	"value_added_per_tce_wan" numeric(10, 2),
	"value_added_per_emission_t_wan" numeric(12, 2),
	"plot_ratio" numeric(5, 2),
	"building_density" numeric(5, 4),
	"rd_share" numeric(5, 4),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "land_agreements_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"park_id" text,
	"town_code" text,
	"area_mu" numeric(10, 2) NOT NULL,
	"land_use" text DEFAULT 'industrial' NOT NULL,
	"status" text DEFAULT 'free' NOT NULL,
	"investment_per_mu_wan_min" numeric(10, 2),
	"value_added_per_mu_wan_min" numeric(10, 2),
	"tax_per_mu_wan_min" numeric(10, 2),
	"labor_productivity_wan_min" numeric(10, 2),
	"value_added_per_tce_wan_min" numeric(10, 2),
	"value_added_per_emission_t_wan_min" numeric(12, 2),
	"plot_ratio_min" numeric(5, 2),
	"plot_ratio_max" numeric(5, 2),
	"building_density_min" numeric(5, 4),
	"rd_share_min" numeric(5, 4),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "parcels_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "parcels_status_check" CHECK ("parcels"."status" in ('free', 'agreed', 'supplied'))
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"region_code" text NOT NULL,
	"project_id" text NOT NULL,
	"stage" text NOT NULL,
	"planned_on" date,
	"actual_on" date,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "project_events_region_code_project_id_stage_pk" PRIMARY KEY("region_code","project_id","stage"),
	CONSTRAINT "project_events_stage_check" CHECK ("project_events"."stage" in ('lead', 'negotiating', 'signed', 'land_supplied', 'started', 'completed', 'producing', 'at_capacity'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"origin" text NOT NULL,
	"chain_id" text,
	"node_id" text,
	"enterprise_id" text,
	"park_id" text,
	"parcel_id" text,
	"investment_wan" numeric(14, 2),
	"land_mu" numeric(10, 2),
	"stage" text DEFAULT 'lead' NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "projects_origin_check" CHECK ("projects"."origin" in ('local', 'attracted')),
	CONSTRAINT "projects_stage_check" CHECK ("projects"."stage" in ('lead', 'negotiating', 'signed', 'land_supplied', 'started', 'completed', 'producing', 'at_capacity'))
);
--> statement-breakpoint
CREATE TABLE "trade_flows" (
	"region_code" text NOT NULL,
	"id" bigint GENERATED BY DEFAULT AS IDENTITY (sequence name "trade_flows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"period" date NOT NULL,
	"seller_uscc" text NOT NULL,
	"seller_enterprise_id" text,
	"seller_region_code" text NOT NULL,
	"buyer_enterprise_id" text NOT NULL,
	"node_id" text NOT NULL,
	"amount_wan" numeric(14, 4) NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "trade_flows_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "trade_flows_period_month_start" CHECK (extract(day from "trade_flows"."period") = 1),
	CONSTRAINT "trade_flows_seller_region_code_format" CHECK ("trade_flows"."seller_region_code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
ALTER TABLE "candidate_nodes" ADD CONSTRAINT "candidate_nodes_candidate_fk" FOREIGN KEY ("region_code","candidate_id") REFERENCES "public"."candidates"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_groups" ADD CONSTRAINT "chain_groups_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_nodes" ADD CONSTRAINT "chain_nodes_region_code_chain_id_chains_region_code_id_fk" FOREIGN KEY ("region_code","chain_id") REFERENCES "public"."chains"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_roles" ADD CONSTRAINT "chain_roles_region_code_chain_id_chains_region_code_id_fk" FOREIGN KEY ("region_code","chain_id") REFERENCES "public"."chains"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_region_code_chain_id_chains_region_code_id_fk" FOREIGN KEY ("region_code","chain_id") REFERENCES "public"."chains"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_region_code_group_id_chain_groups_region_code_id_fk" FOREIGN KEY ("region_code","group_id") REFERENCES "public"."chain_groups"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_inputs" ADD CONSTRAINT "node_inputs_region_code_from_node_id_chain_nodes_region_code_id_fk" FOREIGN KEY ("region_code","from_node_id") REFERENCES "public"."chain_nodes"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_inputs" ADD CONSTRAINT "node_inputs_region_code_to_node_id_chain_nodes_region_code_id_fk" FOREIGN KEY ("region_code","to_node_id") REFERENCES "public"."chain_nodes"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_fund_fk" FOREIGN KEY ("region_code","fund_id") REFERENCES "public"."funds"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_project_fk" FOREIGN KEY ("region_code","project_id") REFERENCES "public"."projects"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_parent_fk" FOREIGN KEY ("region_code","parent_id") REFERENCES "public"."funds"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoints" ADD CONSTRAINT "chokepoints_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chokepoints" ADD CONSTRAINT "chokepoints_platform_fk" FOREIGN KEY ("region_code","platform_id") REFERENCES "public"."platforms"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_members" ADD CONSTRAINT "platform_members_platform_fk" FOREIGN KEY ("region_code","platform_id") REFERENCES "public"."platforms"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_members" ADD CONSTRAINT "platform_members_enterprise_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_parent_fk" FOREIGN KEY ("region_code","parent_id") REFERENCES "public"."platforms"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_projects" ADD CONSTRAINT "research_projects_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_projects" ADD CONSTRAINT "research_projects_platform_fk" FOREIGN KEY ("region_code","platform_id") REFERENCES "public"."platforms"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_projects" ADD CONSTRAINT "research_projects_chokepoint_fk" FOREIGN KEY ("region_code","chokepoint_id") REFERENCES "public"."chokepoints"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_region_code_parent_id_parks_region_code_id_fk" FOREIGN KEY ("region_code","parent_id") REFERENCES "public"."parks"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_agreements" ADD CONSTRAINT "land_agreements_project_fk" FOREIGN KEY ("region_code","project_id") REFERENCES "public"."projects"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_agreements" ADD CONSTRAINT "land_agreements_parcel_fk" FOREIGN KEY ("region_code","parcel_id") REFERENCES "public"."parcels"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_project_fk" FOREIGN KEY ("region_code","project_id") REFERENCES "public"."projects"("region_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_tenants_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."tenants"("region_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_enterprise_fk" FOREIGN KEY ("region_code","enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_parcel_fk" FOREIGN KEY ("region_code","parcel_id") REFERENCES "public"."parcels"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_flows" ADD CONSTRAINT "trade_flows_buyer_fk" FOREIGN KEY ("region_code","buyer_enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_flows" ADD CONSTRAINT "trade_flows_seller_fk" FOREIGN KEY ("region_code","seller_enterprise_id") REFERENCES "public"."enterprises"("region_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_nodes_node_idx" ON "candidate_nodes" USING btree ("region_code","node_id");--> statement-breakpoint
CREATE INDEX "candidates_uscc_idx" ON "candidates" USING btree ("region_code","uscc");--> statement-breakpoint
CREATE INDEX "chain_nodes_chain_idx" ON "chain_nodes" USING btree ("region_code","chain_id","sort");--> statement-breakpoint
CREATE INDEX "chain_nodes_name_idx" ON "chain_nodes" USING btree ("region_code","name_sort_key");--> statement-breakpoint
CREATE INDEX "chain_nodes_codes_idx" ON "chain_nodes" USING gin ("industry_codes");--> statement-breakpoint
CREATE INDEX "chain_roles_chain_idx" ON "chain_roles" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "chains_group_idx" ON "chains" USING btree ("region_code","group_id","sort");--> statement-breakpoint
CREATE INDEX "node_inputs_to_idx" ON "node_inputs" USING btree ("region_code","to_node_id");--> statement-breakpoint
CREATE INDEX "fund_investments_fund_idx" ON "fund_investments" USING btree ("region_code","fund_id");--> statement-breakpoint
CREATE INDEX "fund_investments_project_idx" ON "fund_investments" USING btree ("region_code","project_id");--> statement-breakpoint
CREATE INDEX "funds_parent_idx" ON "funds" USING btree ("region_code","parent_id");--> statement-breakpoint
CREATE INDEX "chokepoints_chain_idx" ON "chokepoints" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "chokepoints_platform_idx" ON "chokepoints" USING btree ("region_code","platform_id");--> statement-breakpoint
CREATE INDEX "platform_members_enterprise_idx" ON "platform_members" USING btree ("region_code","enterprise_id");--> statement-breakpoint
CREATE INDEX "platforms_parent_idx" ON "platforms" USING btree ("region_code","parent_id");--> statement-breakpoint
CREATE INDEX "platforms_chain_idx" ON "platforms" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "research_projects_platform_idx" ON "research_projects" USING btree ("region_code","platform_id");--> statement-breakpoint
CREATE INDEX "research_projects_chain_idx" ON "research_projects" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "parks_kind_idx" ON "parks" USING btree ("region_code","kind","sort");--> statement-breakpoint
CREATE INDEX "parks_frame_idx" ON "parks" USING btree ("region_code","frame","sort");--> statement-breakpoint
CREATE INDEX "land_agreements_project_idx" ON "land_agreements" USING btree ("region_code","project_id");--> statement-breakpoint
CREATE INDEX "land_agreements_parcel_idx" ON "land_agreements" USING btree ("region_code","parcel_id");--> statement-breakpoint
CREATE INDEX "parcels_park_idx" ON "parcels" USING btree ("region_code","park_id");--> statement-breakpoint
CREATE INDEX "parcels_status_idx" ON "parcels" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "project_events_stage_actual_idx" ON "project_events" USING btree ("region_code","stage","actual_on");--> statement-breakpoint
CREATE INDEX "projects_chain_idx" ON "projects" USING btree ("region_code","chain_id");--> statement-breakpoint
CREATE INDEX "projects_node_idx" ON "projects" USING btree ("region_code","node_id");--> statement-breakpoint
CREATE INDEX "projects_park_idx" ON "projects" USING btree ("region_code","park_id");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("region_code","stage");--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("region_code","enterprise_id");--> statement-breakpoint
CREATE INDEX "trade_flows_period_node_idx" ON "trade_flows" USING btree ("region_code","period","node_id");--> statement-breakpoint
CREATE INDEX "trade_flows_node_period_idx" ON "trade_flows" USING btree ("region_code","node_id","period");--> statement-breakpoint
CREATE INDEX "trade_flows_buyer_period_idx" ON "trade_flows" USING btree ("region_code","buyer_enterprise_id","period");--> statement-breakpoint
CREATE INDEX "trade_flows_seller_idx" ON "trade_flows" USING btree ("region_code","seller_enterprise_id");