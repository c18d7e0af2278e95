import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type FirmRecord, findDuplicatePairs } from '../src/core/names/findDuplicatePairs.ts';
import { prepareRecord } from '../src/core/names/prepareRecord.ts';
import { scoreFirmPair } from '../src/core/names/scoreFirmPair.ts';
import { Rng } from '../src/core/random/seeded.ts';
import { synthesizeFirmName } from '../src/modules/demo/names.ts';
import { referenceRegions } from '../src/modules/regions/regions.seed.ts';
import { parseCsvRows, parseDedupeCsv } from '../src/modules/resolution/dedupeCsv.ts';
import { placeContextOf } from '../src/modules/resolution/regionPlaces.ts';
import { commonCharacters } from '../src/core/names/commonCharacters.ts';
import type { Benchmark } from './suites.ts';

const CHAINS = ['pump', 'machine-tool', 'auto-moto', 'shoes', 'default'];
const TOWNS = ['泽国镇', '大溪镇', '松门镇', '箬横镇', '新河镇', '城东街道', '城西街道', '太平街道'];
const ROADS = ['文昌路', '东方大道', '万昌路', '中华路', '人民路', '锦屏路', '横湖路', '北山路'];

/**
 * n synthetic firms; one in five is a variant of an earlier one (legal form, 浙江省 prefix dropped/added, same
 * address). With `wide`, the two characters of the trade name come from the 3,755 common characters instead of
 * the demo's 75 and 47: the demo's pools (75 × 47 trade names) are sized for 8k firms and at 100k make nearly every
 * name a near-duplicate of dozens of others, which is not what a real 100k register looks like.
 */
function syntheticFirms(n: number, wide: boolean): FirmRecord[] {
  const rng = new Rng(42);
  const firstChars = commonCharacters();
  const firms: FirmRecord[] = [];
  for (let i = 0; i < n; i++) {
    const earlier = firms[rng.int(0, Math.max(0, firms.length - 1))];
    if (earlier !== undefined && rng.chance(0.2)) {
      const name = rng.chance(0.5) ? `浙江省${earlier.name.replace('有限公司', '股份有限公司')}` : earlier.name.replace(/^温岭市/, '');
      firms.push({ id: `s${i}`, name, address: earlier.address ?? null });
    } else {
      const address = `温岭市${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 500)}号`;
      const name = synthesizeFirmName(rng, rng.pick(CHAINS), '温岭市');
      firms.push({ id: `s${i}`, name: wide ? name.replace(/^温岭市../, `温岭市${rng.pick(firstChars)}${rng.pick(firstChars)}`) : name, address: rng.chance(0.7) ? address : null });
    }
  }
  return firms;
}

export const dedupeBenchmark: Benchmark = {
  name: 'dedupe: 100k names',
  async run() {
    const ctx = placeContextOf(referenceRegions().map((r) => ({ ...r, parentCode: r.parentCode ?? null })), '331081');
    const firms = syntheticFirms(100_000, true);
    let t0 = performance.now();
    const pairs = findDuplicatePairs(firms, ctx);
    const oursMs = performance.now() - t0;
    const dense = syntheticFirms(10_000, false);
    t0 = performance.now();
    const densePairs = findDuplicatePairs(dense, ctx);
    const denseMs = performance.now() - t0;

    // Peer: every pair scored (what a blocking-free matcher does), on a 5k subset, extrapolated by (100k/5k)².
    const subset = firms.slice(0, 5000).map((f) => prepareRecord(f.name, f.address, ctx));
    t0 = performance.now();
    let kept = 0;
    for (let a = 0; a < subset.length; a++) {
      const x = subset[a];
      for (let b = a + 1; b < subset.length; b++) {
        const y = subset[b];
        if (x !== undefined && y !== undefined && scoreFirmPair(x, y, ctx.towns).score >= 0.5) kept++;
      }
    }
    const naiveMs = ((performance.now() - t0) * (100_000 / 5000) ** 2);

    const labelled = parseDedupeCsv(readFileSync(new URL('../tests/fixtures/dedupe/records.csv', import.meta.url), 'utf8'));
    const truth = new Set(parseCsvRows(readFileSync(new URL('../tests/fixtures/dedupe/truth.csv', import.meta.url), 'utf8')).slice(1).map((r) => r.join(',')));
    t0 = performance.now();
    const found = findDuplicatePairs(labelled, ctx);
    const labelledMs = performance.now() - t0;
    const quality = (decisions: string[]) => {
      const chosen = found.filter((p) => decisions.includes(p.decision));
      const hits = chosen.filter((p) => truth.has(`${p.idA},${p.idB}`)).length;
      return `P ${(hits / chosen.length).toFixed(3)} R ${(hits / truth.size).toFixed(3)}`;
    };
    return [
      {
        name: 'dedupe: 100k synthetic names (wide trade names)',
        ours: { label: 'bigram prefix index', ms: oursMs },
        peer: { label: 'naive all-pairs (5k run ×400, extrapolated)', ms: naiveMs },
        note: `${pairs.length} pairs (${pairs.filter((p) => p.decision === 'auto').length} auto); naive kept ${kept} pairs ≥ 0.5 on the 5k subset`,
      },
      {
        name: 'dedupe: 10k names, demo pools only (dense)',
        ours: { label: 'bigram prefix index', ms: denseMs },
        peer: undefined,
        note: `${densePairs.length} pairs: 75 × 47 trade names make most names near-duplicates`,
      },
      {
        name: 'dedupe: labelled set quality',
        ours: { label: `${labelled.length} records`, ms: labelledMs },
        peer: undefined,
        note: `auto ${quality(['auto'])}; auto+review ${quality(['auto', 'review'])}`,
      },
    ];
  },
};
