-- A review pair may name a firm that the same import writes a moment later: imports write a chunk's firms
-- while the next chunk is matched (imports.service.ts). The pair's firm is checked at commit, so the
-- transaction as a whole must still be consistent.
ALTER TABLE "match_pairs" ALTER CONSTRAINT "match_pairs_enterprise_fk" DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "match_pairs" ALTER CONSTRAINT "match_pairs_other_fk" DEFERRABLE INITIALLY DEFERRED;
