import type { ModulePageProps } from '../../app/modules.ts';
import { useLocation } from '../../app/router.tsx';
import { ChainGroupsView } from './ChainGroupsView.tsx';
import { ChainMapView } from './ChainMapView.tsx';
import { readChainParams } from './chainFormat.ts';
import './chains.css';

/** 产业链: the "4+6+X" groups with their chains; ?chain=… opens one chain's map. */
export function ChainsPage({ region }: ModulePageProps) {
  const location = useLocation();
  const params = readChainParams(location.search);
  return params.chain ? <ChainMapView region={region} params={{ ...params, chain: params.chain }} /> : <ChainGroupsView region={region} />;
}
