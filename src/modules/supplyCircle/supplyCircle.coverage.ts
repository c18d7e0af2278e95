import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { type CircleContext, loadCircleContext } from './supplyCircle.context.ts';
import { meanOf } from './supplyCircle.model.ts';
import { SupplyCircleRepo } from './supplyCircle.repo.ts';
import { buildNodeEntries, type CoverageSearchInput, type CoverageWork, countCoveredNodes, createCoverageWork } from './coverageSearch.ts';
import { secondsToSiteFrom } from './snapTime.ts';

/**
 * Coverage of one firm's site (METHODS §3): the share of `nodeIds` with at least one other firm mapped to the
 * node that can drive to the site within the limit. `times` is the reverse Dijkstra from the firm's site.
 */
export function coverageAt(context: CircleContext, firmIndex: number, times: Float64Array, nodeIds: readonly string[], maxSeconds: number): number | null {
  if (nodeIds.length === 0) return null;
  const site = context.positions[firmIndex];
  if (!site) return null;
  let covered = 0;
  for (const nodeId of nodeIds) {
    for (const i of context.members.get(nodeId) ?? []) {
      const p = context.positions[i];
      if (i === firmIndex || !p) continue;
      if (secondsToSiteFrom(context.graph.segments, times, p, site) <= maxSeconds) {
        covered++;
        break;
      }
    }
  }
  return covered / nodeIds.length;
}

export interface FirmCoverage {
  enterpriseId: string;
  chainId: string;
  coverage: number | null;
}

/** Node codes and per-firm node lists for the coverage search, built once per context. */
interface CoverageIndex {
  nodeCode: Map<string, number>;
  membersByCode: (readonly number[])[];
  search: Omit<CoverageSearchInput, 'siteFirm' | 'wanted' | 'maxSeconds'>;
  work: CoverageWork;
}

const indexes = new WeakMap<CircleContext, CoverageIndex>();

function coverageIndexOf(context: CircleContext): CoverageIndex {
  const known = indexes.get(context);
  if (known) return known;
  const nodeCode = new Map([...context.members.keys()].map((id, k) => [id, k]));
  const nodesOfFirm: number[][] = context.firms.map(() => []);
  for (const [nodeId, firms] of context.members) for (const f of firms) nodesOfFirm[f]?.push(nodeCode.get(nodeId) ?? 0);
  const index: CoverageIndex = {
    nodeCode,
    membersByCode: [...context.members.values()],
    search: { graph: context.graph, entries: buildNodeEntries(context.graph, context.positions, nodesOfFirm), positions: context.positions, nodesOfFirm },
    work: createCoverageWork(context.graph, context.positions, nodeCode.size),
  };
  indexes.set(context, index);
  return index;
}

function hasOtherMember(index: CoverageIndex, code: number, firmIndex: number): boolean {
  const members = index.membersByCode[code] ?? [];
  return members.length > 1 || (members.length === 1 && members[0] !== firmIndex);
}

/**
 * The county's full supply-circle matrix: every located firm × the input nodes of each chain it sits on. One
 * early-stopping reverse search per firm and chain (countCoveredNodes); a node no firm sits on is never covered.
 */
export function coverageMatrix(context: CircleContext, chainInputs: ReadonlyMap<string, readonly string[]>, firmChains: ReadonlyMap<number, readonly string[]>, minutes: number): FirmCoverage[] {
  const index = coverageIndexOf(context);
  const maxSeconds = minutes * 60;
  const wantedOf = new Map([...chainInputs].map(([chainId, nodeIds]) => [chainId, nodeIds.flatMap((n) => { const code = index.nodeCode.get(n); return code === undefined ? [] : [code]; })]));
  const out: FirmCoverage[] = [];
  for (const [firmIndex, chains] of firmChains) {
    const firm = context.firms[firmIndex];
    if (!firm) continue;
    for (const chainId of chains) {
      const total = chainInputs.get(chainId)?.length ?? 0;
      // a node nobody else sits on can never be covered: leaving it out lets the search stop early
      const wanted = (wantedOf.get(chainId) ?? []).filter((code) => hasOtherMember(index, code, firmIndex));
      const covered = total === 0 ? 0 : countCoveredNodes({ ...index.search, siteFirm: firmIndex, wanted, maxSeconds }, index.work);
      out.push({ enterpriseId: firm.id, chainId, coverage: total === 0 ? null : covered / total });
    }
  }
  return out;
}

type ChainCoverage = { firms: number; meanCoverage: number | null; fullySupplied: number };
// keyed by context (one per database, region, network and data version), then chain and limit
const results = new WeakMap<CircleContext, Map<string, ChainCoverage>>();

/**
 * Supply-circle coverage over a chain's firms' sites: how many located firms, their mean coverage and how many are
 * 全配套 (coverage = 1). meanCoverage is null when the region has no road network or the chain no input node.
 */
export async function chainCoverage(db: Db, regionCode: string, chainId: string, minutes = 30): Promise<{ firms: number; meanCoverage: number | null; fullySupplied: number }> {
  const repo = new SupplyCircleRepo(db);
  const firmIds = await repo.chainFirmIds(regionCode, chainId);
  let context: CircleContext;
  try {
    context = await loadCircleContext(db, regionCode);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return { firms: firmIds.length, meanCoverage: null, fullySupplied: 0 };
    throw error;
  }
  const key = `${chainId}|${minutes}`;
  let cached = results.get(context);
  if (!cached) {
    cached = new Map();
    results.set(context, cached);
  }
  const known = cached.get(key);
  if (known) return known;
  const nodeIds = (await repo.chainInputNodes(regionCode, chainId)).map((n) => n.nodeId);
  const located = firmIds.map((id) => context.firmIndex.get(id)).filter((i): i is number => i !== undefined);
  const coverages = coverageMatrix(context, new Map([[chainId, nodeIds]]), new Map(located.map((i) => [i, [chainId]])), minutes).map((c) => c.coverage);
  const result = { firms: located.length, meanCoverage: meanOf(coverages), fullySupplied: coverages.filter((c) => c === 1).length };
  cached.set(key, result);
  return result;
}
