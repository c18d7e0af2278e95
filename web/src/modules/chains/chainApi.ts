/** Shapes of the chain API answers the pages read — the server's own schemas, so they cannot drift. */
import { z } from 'zod';
import { ChainMap, ChainMapSettings, ChainMapSummary, NodeFirmPage } from '../../../../src/modules/chains/chainMap.model.ts';
import { Chain, ChainGroup } from '../../../../src/modules/chains/chains.model.ts';


export { ChainMap, ChainMapSettings, ChainMapSummary, NodeFirmPage };
export type { ChainMap as ChainMapData, MapNode, NodeStatus, StatusReason } from '../../../../src/modules/chains/chainMap.model.ts';

export const ChainGroupList = z.object({ items: z.array(ChainGroup), total: z.number().int() });
export const ChainPage = z.object({ items: z.array(Chain), total: z.number().int(), page: z.number(), pageSize: z.number() });
export type NodeFirmPageData = z.infer<typeof NodeFirmPage>;
