import type { Db } from '../../db/client.ts';

/**
 * The two cockpit tiles other modules compute: local supply rates per chain (supply) and the 30-minute supply-circle
 * coverage of a chain (supplyCircle). Loaded on first use so that the cockpit's routes register even while the road
 * network code is absent from a build; a failure surfaces on the tile's request, not at start.
 */
export async function readChainLocalSupply(
  db: Db,
  regionCode: string,
  year: number,
): Promise<Array<{ chainId: string | null; amountWan: number; county: number | null; sameTown: number | null; driveTime: number | null }>> {
  const { chainLocalSupply } = await import('../supply/supply.lsr.ts');
  return chainLocalSupply(db, regionCode, year);
}

export async function readChainCoverage(db: Db, regionCode: string, chainId: string, minutes: number): Promise<{ firms: number; meanCoverage: number | null; fullySupplied: number }> {
  const { chainCoverage } = await import('../supplyCircle/supplyCircle.coverage.ts');
  return chainCoverage(db, regionCode, chainId, minutes);
}
