import { describe, expect, it } from 'vitest';
import { findCycleNodes, findTaxonomyProblems } from './taxonomy.model.ts';
import { INDUSTRY_CLASSES } from './taxonomy/industryClasses.ts';
import { WENLING_TAXONOMY } from './taxonomy/wenling.ts';
import type { RegionTaxonomy, TaxonomyChain, TaxonomyNode } from './taxonomy.types.ts';

const classCodes = new Set(INDUSTRY_CLASSES.map((c) => c.code));
const chainById = (id: string): TaxonomyChain | undefined => WENLING_TAXONOMY.chains.find((c) => c.id === id);

function node(id: string, codes = ['3441']): TaxonomyNode {
  return { id, nameZh: id, nameEn: id, tier: 'mid', industryCodes: codes, demo: { localShare: 0.5, firmWeight: 1 } };
}

function tinyTaxonomy(chain: Partial<TaxonomyChain>): RegionTaxonomy {
  return {
    regionCode: '331081',
    groups: [{ kind: 'pillar', nameZh: '支柱', nameEn: 'Pillar' }],
    chains: [{ id: 'c', group: 'pillar', nameZh: 'c', nameEn: 'c', nodes: [node('a'), node('b')], inputs: [], roles: [], ...chain }],
  };
}

describe('findTaxonomyProblems', () => {
  it('accepts a well-formed taxonomy', () => {
    expect(findTaxonomyProblems(tinyTaxonomy({ inputs: [{ from: 'a', to: 'b' }] }), classCodes)).toEqual([]);
  });

  it('names an edge whose end is not a node of the chain', () => {
    expect(findTaxonomyProblems(tinyTaxonomy({ inputs: [{ from: 'a', to: 'x' }] }), classCodes)).toContain('chain c: edge to unknown node x');
  });

  it('names a cycle', () => {
    const problems = findTaxonomyProblems(tinyTaxonomy({ inputs: [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }] }), classCodes);
    expect(problems).toContain('chain c: input edges form a cycle through a, b');
  });

  it('names a code that is not a 4-digit class or not in the reference list', () => {
    const problems = findTaxonomyProblems(tinyTaxonomy({ nodes: [node('a', ['344']), node('b', ['9999'])] }), classCodes);
    expect(problems).toEqual(['node a: code 344 is not a 4-digit class', 'node b: code 9999 is not in industry_classes']);
  });

  it('names a node id used twice', () => {
    expect(findTaxonomyProblems(tinyTaxonomy({ nodes: [node('a'), node('a')] }), classCodes)).toContain('node id a is used twice');
  });
});

describe('findCycleNodes', () => {
  it('returns nothing for a chain of inputs and the looping nodes for a loop', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect(findCycleNodes({ nodes, inputs: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }] })).toEqual([]);
    expect(findCycleNodes({ nodes, inputs: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'b' }] })).toEqual(['b', 'c']);
  });
});

describe('Wenling taxonomy', () => {
  it('is well-formed: unique ids, edges inside their chain, no cycles, known 4-digit codes, hints in range', () => {
    expect(findTaxonomyProblems(WENLING_TAXONOMY, classCodes)).toEqual([]);
  });

  it('has the "4+6+X" groups: 4 pillars, the 6 tracks 海陆机芯光医, at least 2 future chains', () => {
    const ids = (kind: string) => WENLING_TAXONOMY.chains.filter((c) => c.group === kind).map((c) => c.id);
    expect(WENLING_TAXONOMY.groups.map((g) => g.kind)).toEqual(['pillar', 'emerging', 'future']);
    expect(ids('pillar')).toEqual(['pump', 'auto-moto', 'machine-tool', 'shoes']);
    expect(ids('emerging')).toEqual(['marine', 'land', 'robot', 'chip', 'laser', 'medical']);
    expect(ids('future').length).toBeGreaterThanOrEqual(2);
    expect(WENLING_TAXONOMY.chains.find((c) => c.id === 'pump')?.nameZh).toBe('泵与电机');
  });

  it('gives the pump chain 28–32 nodes and every other chain 8–20', () => {
    for (const chain of WENLING_TAXONOMY.chains) {
      const [min, max] = chain.id === 'pump' ? [28, 32] : [8, 20];
      expect(chain.nodes.length, chain.id).toBeGreaterThanOrEqual(min);
      expect(chain.nodes.length, chain.id).toBeLessThanOrEqual(max);
    }
  });

  it('codes whole pumps 3441 and motors 3812 (电动机制造), with castings, seals, motors, bearings and impellers feeding pumps', () => {
    const pump = chainById('pump');
    const codesOf = (id: string) => pump?.nodes.find((n) => n.id === id)?.industryCodes;
    expect(codesOf('pump.pumps')).toEqual(['3441']);
    expect(codesOf('pump.motors')).toEqual(['3812']);
    const suppliers = pump?.inputs.filter((e) => e.to === 'pump.pumps').map((e) => e.from) ?? [];
    for (const s of ['castings-iron', 'mech-seals', 'motors', 'bearings', 'impellers']) expect(suppliers).toContain(`pump.${s}`);
  });

  it('keeps castings and seals mostly local and bearings, sensors and controllers mostly bought outside', () => {
    const share = (id: string) => chainById('pump')?.nodes.find((n) => n.id === id)?.demo.localShare ?? Number.NaN;
    for (const id of ['pump.castings-iron', 'pump.rubber-seals', 'pump.mech-seals']) expect(share(id)).toBeGreaterThanOrEqual(0.85);
    for (const id of ['pump.bearings', 'pump.sensors', 'pump.controllers']) expect(share(id)).toBeLessThanOrEqual(0.3);
  });

  it('splits machine tools into 主机, 功能部件 and 工量刀具, and robots into reducers, servo, controllers, bodies and integration', () => {
    const bones = new Set(chainById('machine-tool')?.nodes.map((n) => n.boneZh));
    for (const bone of ['主机', '功能部件', '工量刀具']) expect(bones.has(bone)).toBe(true);
    const robotIds = chainById('robot')?.nodes.map((n) => n.id) ?? [];
    for (const id of ['reducers', 'servo', 'controllers', 'industrial', 'integration']) expect(robotIds).toContain(`robot.${id}`);
  });

  it('names 链长 only as positions flagged as assumptions, and flags every target without a stated year', () => {
    for (const chain of WENLING_TAXONOMY.chains) {
      const chiefs = chain.roles.filter((r) => r.kind === 'chief');
      expect(chiefs.length, chain.id).toBeGreaterThan(0);
      for (const chief of chiefs) {
        expect(chief.isAssumption, chain.id).toBe(true);
        expect(chief.nameZh, chain.id).toMatch(/(市长|书记)$/);
      }
      expect(chain.target?.isAssumption, chain.id).toBe(true);
    }
  });

  it('lists in industry_classes only codes the taxonomy uses', () => {
    const used = new Set(WENLING_TAXONOMY.chains.flatMap((c) => c.nodes.flatMap((n) => n.industryCodes)));
    expect(INDUSTRY_CLASSES.map((c) => c.code).filter((code) => !used.has(code))).toEqual([]);
    expect(new Set(INDUSTRY_CLASSES.map((c) => c.code)).size).toBe(INDUSTRY_CLASSES.length);
  });
});
