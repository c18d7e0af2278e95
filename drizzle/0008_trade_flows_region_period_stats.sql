-- The planner multiplies the selectivities of region_code and period as if independent; a county whose history
-- differs from the province's (the Wenling demo: five years beside the other counties' one) is then estimated at
-- 2% of its flows of a year, and the supply queries pick per-flow index probes over hash joins. Joint MCV
-- statistics of (region_code, period) give the real count (counties × months stay well under 2000 items).
CREATE STATISTICS IF NOT EXISTS "trade_flows_region_period_stx" (mcv) ON "region_code", "period" FROM "trade_flows";--> statement-breakpoint
ALTER STATISTICS "trade_flows_region_period_stx" SET STATISTICS 2000;
