import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Progress } from '../../db/backup.ts';
import { insertByUnnest } from '../../db/unnestInsert.ts';
import type { Database, Db } from '../../db/client.ts';
import { insertCandidates } from '../attraction/attraction.seed.ts';
import { seedTaxonomy } from '../chains/chains.seed.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';
import { enterpriseMetrics, enterpriseNodes, enterpriseSites, enterprises } from '../enterprises/enterprises.schema.ts';
import { plantSitesOf } from '../enterprises/enterprises.seed.ts';
import { insertFundInvestments, insertFunds } from '../funds/funds.seed.ts';
import { insertChokepoints, insertPlatformMembers, insertPlatforms, insertResearchProjects } from '../innovation/innovation.seed.ts';
import { WENLING_PARKS } from '../parks/wenling.ts';
import { seedParks } from '../parks/parks.seed.ts';
import { insertLandAgreements, insertParcels, insertProjectEvents, insertProjects } from '../projects/projects.seed.ts';
import { storeWenlingSyntheticRoads } from '../roads/wenlingSynthetic.ts';
import { insertTradeFlows } from '../supply/supply.seed.ts';
import { refreshReach } from '../supplyCircle/supplyCircle.reach.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { generateFirms, generateFlows, type Town } from './generate.ts';
import { generateProgrammes } from './programmes.ts';
import { readDemoSummary, type DemoSummary } from './demo.summary.ts';

const TownSchema = z.array(z.object({ code: z.string(), name: z.string(), lon: z.number(), lat: z.number() }));

export function wenlingTowns(): Town[] {
  return TownSchema.parse(JSON.parse(readFileSync(new URL('../regions/data/wenling-331081-towns.json', import.meta.url), 'utf8')));
}


/** The seed `npm start` and `cluster-brain demo` use unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20241;

export interface DemoOptions {
  seed: number;
  progress: Progress;
}

/** True when the region already has firms (the demo is seeded only into an empty tenant). */
export async function hasFirms(db: Db, regionCode: string): Promise<boolean> {
  const rows = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.regionCode, regionCode)).limit(1);
  return rows.length > 0;
}

/**
 * Builds the Wenling tenant from the seed: taxonomy, parks, firms, memberships, metrics, monthly flows,
 * projects, parcels, funds, platforms, chokepoints, research projects and candidates — all in one transaction
 * (a failure leaves nothing behind), then reads the article's totals back from the stored rows.
 */
export async function seedCountyDemo(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const taxonomy = WENLING_TAXONOMY;
  const regionCode = taxonomy.regionCode;
  const population = generateFirms({ seed: options.seed, taxonomy, towns: wenlingTowns() });
  const flows = generateFlows({ seed: options.seed, taxonomy, firms: population.firms, buyerShare: 0.08 });
  const programmes = generateProgrammes({ seed: options.seed, taxonomy, firms: population.firms });
  const total = population.enterprises.length + population.memberships.length + population.metrics.length + flows.length;
  options.progress.start(total, 'demo');
  const advance = (n: number) => options.progress.advance(n);
  await database.db.transaction(async (tx) => {
    await tx.insert(tenants).values({ regionCode, nameZh: '温岭市', nameEn: 'Wenling', hasSyntheticData: true }).onConflictDoUpdate({ target: tenants.regionCode, set: { hasSyntheticData: true } });
    await seedTaxonomy(tx, taxonomy);
    await seedParks(tx, regionCode, WENLING_PARKS);
    await insertByUnnest(tx, enterprises, population.enterprises, { onBatch: advance });
    await insertByUnnest(tx, enterpriseNodes, population.memberships, { onBatch: advance });
    await insertByUnnest(tx, enterpriseSites, plantSitesOf(population.enterprises));
    await insertByUnnest(tx, enterpriseMetrics, population.metrics, { onBatch: advance });
    await insertTradeFlows(tx, flows, advance);
    await insertParcels(tx, programmes.parcels);
    await insertProjects(tx, programmes.projects);
    await insertProjectEvents(tx, programmes.events);
    await insertLandAgreements(tx, programmes.agreements);
    await insertFunds(tx, programmes.funds);
    await insertFundInvestments(tx, programmes.investments);
    await insertPlatforms(tx, programmes.platforms);
    await insertPlatformMembers(tx, programmes.members);
    await insertChokepoints(tx, programmes.chokepoints);
    await insertResearchProjects(tx, programmes.research);
    await insertCandidates(tx, programmes.candidates);
  });
  options.progress.stop();
  // Fresh statistics after a bulk load: without them the first chain and supply queries plan badly.
  await database.exec('analyze');
  // The demo's roads (示例路网, replaced by an imported extract) and the drive-time pairs of trading firms.
  await storeWenlingSyntheticRoads(database.db, options.seed);
  await refreshReach(database.db, regionCode);
  return readDemoSummary(database, regionCode);
}

const CountySchema = z.array(z.object({ code: z.string(), name: z.string(), cityCode: z.string(), city: z.string() }));

/**
 * Province scale: every Zhejiang county gets a synthetic population of Wenling's shape (~11k firms and
 * ~200k monthly flows of 2025 each, ~1M firms and ~18M flows in all), one county per transaction so memory stays
 * bounded. 温岭 itself is the county demo.
 */
export async function seedProvinceDemo(database: Database, options: DemoOptions & { log: (line: string) => void }): Promise<DemoSummary> {
  const counties = CountySchema.parse(JSON.parse(readFileSync(new URL('../regions/data/zhejiang-33-counties.json', import.meta.url), 'utf8')));
  const summary = (await hasFirms(database.db, '331081')) ? await readDemoSummary(database, '331081') : await seedCountyDemo(database, options);
  const towns = wenlingTowns();
  for (const [i, county] of counties.entries()) {
    if (county.code === '331081' || (await hasFirms(database.db, county.code))) continue;
    const started = Date.now();
    const taxonomy = { ...WENLING_TAXONOMY, regionCode: county.code };
    const seed = options.seed * 1000 + i;
    const population = generateFirms({ seed, taxonomy, towns, scaleFactor: 1.38 });
    const flows = generateFlows({ seed, taxonomy, firms: population.firms, buyerShare: 0.05, years: [2025] });
    await database.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ regionCode: county.code, nameZh: county.name, hasSyntheticData: true }).onConflictDoNothing();
      await seedTaxonomy(tx, taxonomy);
      await insertByUnnest(tx, enterprises, population.enterprises);
      await insertByUnnest(tx, enterpriseNodes, population.memberships);
      await insertByUnnest(tx, enterpriseSites, plantSitesOf(population.enterprises));
      await insertByUnnest(tx, enterpriseMetrics, population.metrics);
      await insertTradeFlows(tx, flows);
    });
    // PGlite checkpoints only when told to: without this the write-ahead log of all 90 counties piles up (17.8 GiB)
    await database.checkpoint();
    options.log(`${county.code} ${county.name}: ${population.enterprises.length} firms, ${flows.length} flows in ${((Date.now() - started) / 1000).toFixed(1)} s (${i + 1}/${counties.length})`);
  }
  // Fresh statistics for the planner, as after the county demo: PGlite has no autovacuum, and with stale ones a
  // county's supply queries were planned as per-row lookups (4–5 s instead of a fraction of a second).
  await database.exec('analyze');
  return summary;
}
