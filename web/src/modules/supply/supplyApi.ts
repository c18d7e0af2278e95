/** Shapes of the supply API answers the pages read — the server's own schemas, so they cannot drift. */
import { z } from 'zod';
import { Chain, ChainNode } from '../../../../src/modules/chains/chains.model.ts';
import { SupplyRatesView, SupplyTrendView, SupplyYears } from '../../../../src/modules/supply/supply.model.ts';
import { ClusterMembers, KeyFirms, SubClusters } from '../../../../src/modules/supply/supply.network.model.ts';
import { FirmPartners } from '../../../../src/modules/supply/supply.partners.model.ts';
import { DependencyRisks, TopSuppliers } from '../../../../src/modules/supply/supply.risk.model.ts';

export { ClusterMembers, DependencyRisks, FirmPartners, KeyFirms, SubClusters, SupplyRatesView, SupplyTrendView, SupplyYears, TopSuppliers };
export type { SupplyRowView, VariantRates } from '../../../../src/modules/supply/supply.model.ts';
export type { SubClusters as SubClustersData } from '../../../../src/modules/supply/supply.network.model.ts';
export type { FirmPartners as FirmPartnersData } from '../../../../src/modules/supply/supply.partners.model.ts';
export type { SellerRef } from '../../../../src/modules/supply/supply.risk.model.ts';

export const ChainList = z.object({ items: z.array(Chain), total: z.number().int() });
export const NodeList = z.object({ items: z.array(ChainNode), total: z.number().int() });
