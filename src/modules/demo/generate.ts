import { Rng } from '../../core/random/seeded.ts';
import { composeUscc, USCC_CHARSET } from '../../core/uscc/uscc.ts';
import type { RegionTaxonomy, TaxonomyChain, TaxonomyNode } from '../chains/taxonomy.types.ts';
import type { enterpriseMetrics, enterpriseNodes, enterprises } from '../enterprises/enterprises.schema.ts';
import { nameKeysOf } from '../enterprises/search.model.ts';
import type { NewTradeFlow } from '../supply/supply.seed.ts';
import { CHAIN_PROFILES, type ChainProfile, DEFAULT_PROFILE, DEMO_GAPS, DEMO_YEARS, FLOW_YEARS, REAL_FIRMS } from './demo.profile.ts';
import { synthesizeFirmName } from './names.ts';

export interface Town {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

export interface FirmPopulation {
  enterprises: (typeof enterprises.$inferInsert)[];
  memberships: (typeof enterpriseNodes.$inferInsert)[];
  metrics: (typeof enterpriseMetrics.$inferInsert)[];
  /** generator-side facts about each synthetic firm, used by later steps (flows, projects) */
  firms: SyntheticFirm[];
}

export interface SyntheticFirm {
  id: string;
  uscc: string;
  chainId: string;
  nodeId: string;
  output2024Wan: number;
  scale: 'above' | 'below';
  townCode: string;
}

const ORG_CHARS = USCC_CHARSET.replace(/[IOZSV]/g, '');
const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A 9-character organisation code with its GB 11714 check digit. */
function organisationCode(rng: Rng): string {
  let body = '';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = ORG_CHARS.charAt(rng.int(0, ORG_CHARS.length - 1));
    body += c;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * (GB11714_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

export function generateUscc(rng: Rng, regionCode: string, used: Set<string>): string {
  for (;;) {
    const code = composeUscc('91', regionCode, organisationCode(rng));
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function profileOf(chain: TaxonomyChain): ChainProfile {
  return CHAIN_PROFILES[chain.id] ?? DEFAULT_PROFILE;
}

/**
 * Firm counts per node: proportional to the node's weight, at least 1 (or the profile's minimum); none on the
 * demo's gap nodes (DEMO_GAPS). The largest node takes the rest, so the chain keeps its firm total.
 */
function allocateFirms(chain: TaxonomyChain, total: number): Map<string, number> {
  const profile = profileOf(chain);
  const stocked = chain.nodes.filter((n) => !isDemoGap(n.id));
  const weights = stocked.map((n) => Math.max(n.demo.firmWeight, 0.001));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = new Map<string, number>(chain.nodes.map((n) => [n.id, 0]));
  let assigned = 0;
  stocked.forEach((n, i) => {
    const minimum = profile.nodeMinimum?.[n.id] ?? 1;
    const count = Math.max(minimum, Math.round((total * (weights[i] ?? 0)) / sum));
    out.set(n.id, count);
    assigned += count;
  });
  // Trim or pad the largest node so that the chain has exactly `total` firms.
  const largest = [...stocked].sort((a, b) => b.demo.firmWeight - a.demo.firmWeight)[0];
  if (largest) out.set(largest.id, Math.max(profile.nodeMinimum?.[largest.id] ?? 1, (out.get(largest.id) ?? 0) + total - assigned));
  return out;
}

/** True for a node the demo leaves without local firm (a 缺链 gap, see DEMO_GAPS). */
export function isDemoGap(nodeId: string): boolean {
  return Object.hasOwn(DEMO_GAPS, nodeId);
}

function weightedTown(rng: Rng, profile: ChainProfile, towns: Town[]): Town {
  const weights = towns.map((t) => (profile.towns[t.code] ?? 0) * 6 + 1);
  return towns[rng.weighted(weights)] ?? (towns[0] as Town);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const money = (x: number) => round2(x).toFixed(2);

/**
 * The firm population of a region: synthetic firms per chain node (heavy-tailed sizes, a few lead firms and
 * many small ones), the real firms the article names (name and node only), node memberships and yearly
 * metrics 2021–2025 consistent with each other (value added < output; tax, energy and land in per-industry
 * ratios). Each chain's 2024 output is normalised to its profile so that the article's totals hold exactly.
 */
export function generateFirms(args: { seed: number; taxonomy: RegionTaxonomy; towns: Town[]; scaleFactor?: number }): FirmPopulation {
  const { taxonomy, towns } = args;
  const scaleFactor = args.scaleFactor ?? 1;
  const regionCode = taxonomy.regionCode;
  const root = new Rng(args.seed);
  const used = new Set<string>();
  const names = new Set<string>();
  const pop: FirmPopulation = { enterprises: [], memberships: [], metrics: [], firms: [] };
  const rowById = new Map<string, typeof enterprises.$inferInsert>();
  let serial = 0;

  for (const chain of taxonomy.chains) {
    const profile = profileOf(chain);
    const rng = root.fork(`firms:${chain.id}`);
    const total = Math.max(chain.nodes.length, Math.round(profile.firms * scaleFactor));
    const counts = allocateFirms(chain, total);
    const stocked = chain.nodes.filter((n) => !isDemoGap(n.id));
    const chainFirms: SyntheticFirm[] = [];
    for (const node of chain.nodes) {
      const n = counts.get(node.id) ?? 0;
      for (let i = 0; i < n; i++) {
        serial++;
        const town = weightedTown(rng, profile, towns);
        let name = synthesizeFirmName(rng, chain.id, '温岭市');
        while (names.has(name)) name = synthesizeFirmName(rng, chain.id, '温岭市');
        names.add(name);
        const id = `f${String(serial).padStart(6, '0')}`;
        const uscc = generateUscc(rng, regionCode, used);
        // Pareto-like sizes: log-normal with a wide spread gives a few lead firms and many small ones.
        const raw = rng.logNormal(1, 1.35) * (node.tier === 'mid' ? 1.6 : 1);
        chainFirms.push({ id, uscc, chainId: chain.id, nodeId: node.id, output2024Wan: raw, scale: 'below', townCode: town.code });
        const row: typeof enterprises.$inferInsert = {
          regionCode,
          id,
          uscc,
          name,
          ...nameKeysOf(name),
          townCode: town.code,
          scale: 'below',
          isListed: false,
          foundedYear: rng.int(1985, 2023),
          lon: (town.lon + rng.normal() * 0.018).toFixed(6),
          lat: (town.lat + rng.normal() * 0.015).toFixed(6),
          isSynthetic: true,
        };
        pop.enterprises.push(row);
        rowById.set(id, row);
        pop.memberships.push({ regionCode, enterpriseId: id, nodeId: node.id, isPrimary: true, isSynthetic: true });
        // Some firms also make a neighbouring product of the same chain (e.g. a pump maker that winds motors).
        if (rng.chance(0.12)) {
          const other = rng.pick(stocked);
          if (other.id !== node.id) pop.memberships.push({ regionCode, enterpriseId: id, nodeId: other.id, isPrimary: false, isSynthetic: true });
        }
      }
    }
    normaliseOutputs(chainFirms, profile.output2024Wan * scaleFactor);
    const listed = pickListed(chainFirms, profile.listed);
    for (const firm of chainFirms) {
      pop.metrics.push(...yearlyMetrics(rng, regionCode, firm, profile));
      const row = rowById.get(firm.id);
      if (row) {
        row.scale = firm.scale;
        row.isListed = listed.has(firm.id);
      }
    }
    pop.firms.push(...chainFirms);
  }

  for (const real of REAL_FIRMS) {
    const node = taxonomy.chains.flatMap((c) => c.nodes).find((n) => n.id === real.nodeId);
    if (!node) continue;
    pop.enterprises.push({ regionCode, id: real.id, uscc: null, name: real.name, ...nameKeysOf(real.name), scale: 'above', isListed: false, isSynthetic: false });
    pop.memberships.push({ regionCode, enterpriseId: real.id, nodeId: real.nodeId, isPrimary: true, isSynthetic: false });
  }
  return pop;
}

function normaliseOutputs(firms: SyntheticFirm[], targetWan: number): void {
  const sum = firms.reduce((a, f) => a + f.output2024Wan, 0);
  const k = sum > 0 ? targetWan / sum : 0;
  for (const f of firms) {
    f.output2024Wan = round2(f.output2024Wan * k);
    // 规上: industrial firms with annual revenue ≥ 2,000万元 (20 M yuan).
    f.scale = f.output2024Wan >= 2000 ? 'above' : 'below';
  }
}

/** The largest firms of the chain's core product (whole pumps for the pump chain) are the listed ones. */
function pickListed(firms: SyntheticFirm[], count: number): Set<string> {
  const top = [...firms].filter((f) => f.nodeId.endsWith('.pumps') || f.scale === 'above').sort((a, b) => b.output2024Wan - a.output2024Wan);
  const pool = firms.some((f) => f.nodeId.endsWith('.pumps')) ? top.filter((f) => f.nodeId.endsWith('.pumps')) : top;
  return new Set(pool.slice(0, count).map((f) => f.id));
}

function yearlyMetrics(rng: Rng, regionCode: string, firm: SyntheticFirm, profile: ChainProfile): (typeof enterpriseMetrics.$inferInsert)[] {
  const rows: (typeof enterpriseMetrics.$inferInsert)[] = [];
  const firmGrowth = profile.growth + rng.normal() * 0.04;
  const landMu = Math.max(1, firm.output2024Wan / (profile.outputPerMuWan * rng.logNormal(1, 0.35)));
  for (const year of DEMO_YEARS) {
    const output = year === 2024 ? firm.output2024Wan : firm.output2024Wan * (1 + firmGrowth) ** (year - 2024) * (1 + rng.normal() * 0.02);
    const revenue = output * (1 + rng.normal() * 0.03 + 0.02);
    const va = output * profile.vaRatio * (0.85 + rng.next() * 0.3);
    const energy = va * profile.energyPerVa * rng.logNormal(1, 0.3);
    rows.push({
      regionCode,
      enterpriseId: firm.id,
      year,
      revenueWan: money(revenue),
      outputWan: money(output),
      valueAddedWan: money(Math.min(va, output * 0.6)),
      taxWan: money(revenue * (0.025 + rng.next() * 0.025)),
      landMu: money(landMu * (year < 2023 ? 0.95 : 1)),
      energyTce: money(energy),
      emissionsT: money(energy * 2.5 * rng.logNormal(1, 0.2)),
      electricityMwh: money(energy * 8.1 * rng.logNormal(1, 0.15)),
      employees: Math.max(3, Math.round(output / (70 * rng.logNormal(1, 0.3)))),
      rdWan: money(revenue * (0.01 + rng.next() * 0.04)),
      isSynthetic: true,
    });
  }
  return rows;
}

/** Chain inputs of a node: the nodes it consumes (node_inputs edges pointing to it). */
export function inputsOf(chain: TaxonomyChain, nodeId: string): TaxonomyNode[] {
  const ids = new Set(chain.inputs.filter((e) => e.to === nodeId).map((e) => e.from));
  return chain.nodes.filter((n) => ids.has(n.id));
}

/** Out-of-county seller regions (real GB/T 2260 codes) for external suppliers. */
export const EXTERNAL_REGIONS = ['330106', '330110', '330206', '330212', '330281', '330304', '330381', '330402', '330483', '330502', '330602', '330702', '330782', '331002', '331003', '331004', '331082', '310115', '320583', '440306'];

/**
 * Monthly trade flows along node_inputs: each buyer buys every input node from one seller, sometimes two; a seller is local
 * with the input node's local-share hint (mature links such as castings and seals high; chips, controllers and
 * bearings low), otherwise an external firm identified only by its USCC (region in positions 3–8).
 */
export function generateFlows(args: {
  seed: number;
  taxonomy: RegionTaxonomy;
  firms: SyntheticFirm[];
  /** share of 规下 firms that appear as buyers (规上 firms always do) */
  buyerShare?: number;
  years?: readonly number[];
}): NewTradeFlow[] {
  const { taxonomy, firms } = args;
  const rng = new Rng(args.seed).fork('flows');
  const regionCode = taxonomy.regionCode;
  const byNode = new Map<string, SyntheticFirm[]>();
  for (const f of firms) {
    const list = byNode.get(f.nodeId);
    if (list) list.push(f);
    else byNode.set(f.nodeId, [f]);
  }
  const externalPool = new Map<string, string[]>();
  const used = new Set(firms.map((f) => f.uscc));
  const externalFor = (nodeId: string): string => {
    let pool = externalPool.get(nodeId);
    if (!pool) {
      pool = Array.from({ length: 6 }, () => generateUscc(rng, rng.pick(EXTERNAL_REGIONS), used));
      externalPool.set(nodeId, pool);
    }
    return pool[rng.weighted(pool.map((_, i) => 1 / (i + 1)))] ?? (pool[0] as string);
  };
  const flows: NewTradeFlow[] = [];
  const months = (args.years ?? FLOW_YEARS).flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
  for (const chain of taxonomy.chains) {
    for (const buyer of firms.filter((f) => f.chainId === chain.id)) {
      if (buyer.scale === 'below' && !rng.chance(args.buyerShare ?? 0.25)) continue;
      const inputs = inputsOf(chain, buyer.nodeId);
      if (inputs.length === 0) continue;
      const spend = buyer.output2024Wan * 0.55;
      for (const input of inputs) {
        const sellers = rng.chance(0.1) ? 2 : 1;
        for (let s = 0; s < sellers; s++) {
          const locals = byNode.get(input.id) ?? [];
          const isLocal = locals.length > 0 && rng.chance(input.demo.localShare);
          const seller = isLocal ? locals[rng.weighted(locals.map((l) => Math.sqrt(l.output2024Wan + 1)))] : undefined;
          const sellerUscc = seller?.uscc ?? externalFor(input.id);
          const monthly = (spend / inputs.length / sellers / 12) * rng.logNormal(1, 0.4);
          for (const period of months) {
            const year = Number(period.slice(0, 4));
            const amount = monthly * (year === 2025 ? 1.05 : 1) * (0.8 + rng.next() * 0.4);
            // About one flow in 200 is a credit note that nets off part of a delivery.
            const signed = rng.chance(0.005) ? -amount * 0.2 : amount;
            flows.push({
              regionCode,
              period,
              sellerUscc,
              sellerEnterpriseId: seller?.id ?? null,
              sellerRegionCode: sellerUscc.slice(2, 8),
              buyerEnterpriseId: buyer.id,
              nodeId: input.id,
              amountWan: Math.round(signed * 10000) / 10000,
              isSynthetic: true,
            });
          }
        }
      }
    }
  }
  return flows;
}
