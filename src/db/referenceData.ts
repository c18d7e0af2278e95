import { seedIndustryClasses } from '../modules/chains/chains.seed.ts';
import { seedReferenceRegions } from '../modules/regions/regions.seed.ts';
import type { Db } from './client.ts';

/** The code lists every tenant shares (GB/T 2260 regions, GB/T 4754 classes); upserted on every start. */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedReferenceRegions(db);
  await seedIndustryClasses(db);
}
