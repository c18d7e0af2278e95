import { chainCockpitUrl, countyCockpitUrl, readCockpitParams } from '../modules/cockpit/cockpitParams.ts';
import { parseRoute } from './routes.ts';

/** What the app at this URL asks for first: the session, the regions and, on a region's home, the cockpit. */
export interface BootPlan {
  requests: string[];
  isCockpit: boolean;
}

export function bootPlan(pathname: string, search: string): BootPlan {
  const requests = ['/api/auth/me', '/api/regions'];
  const route = parseRoute(pathname, search);
  if (route.kind !== 'module' || route.segment !== '') return { requests, isCockpit: false };
  const params = readCockpitParams(search);
  requests.push(countyCockpitUrl(route.region, params.year));
  if (params.chain !== null && !params.isScreen) requests.push(chainCockpitUrl(route.region, params.chain, params.year));
  return { requests, isCockpit: true };
}
