import { describe, expect, it } from 'vitest';
import { type FishboneChip, type FishboneNodeInput, layoutFishbone } from './fishboneLayout.ts';

const up = (id: string, bone: string | null): FishboneNodeInput => ({ id, tier: 'up', bone });
const NODES: FishboneNodeInput[] = [
  up('steel', '原材料'),
  up('copper', '原材料'),
  up('iron-castings', '铸造'),
  up('impellers', '核心零部件'),
  up('seals', '核心零部件'),
  up('bearings', '核心零部件'),
  up('misc', null),
  { id: 'pumps', tier: 'mid', bone: null },
  { id: 'motors', tier: 'mid', bone: null },
  { id: 'irrigation', tier: 'down', bone: null },
  { id: 'testing', tier: 'service', bone: null },
  { id: 'design', tier: 'service', bone: null },
];

const overlaps = (a: FishboneChip, b: FishboneChip): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutFishbone', () => {
  const layout = layoutFishbone(NODES);
  const chip = (id: string) => layout.chips.find((c) => c.nodeId === id);

  it('groups upstream nodes by bone, in order of appearance, alternating above and below the spine', () => {
    expect(layout.bones.map((b) => [b.label, b.kind, b.side])).toEqual([
      ['原材料', 'up', 'upper'],
      ['铸造', 'up', 'lower'],
      ['核心零部件', 'up', 'upper'],
      [null, 'up', 'lower'],
      [null, 'service', 'lower'],
    ]);
  });

  it('ends every bone on the spine, left of the midstream panel, slanting toward the head', () => {
    const mid = layout.panels.find((p) => p.tier === 'mid');
    for (const bone of layout.bones) {
      expect(bone.y2).toBe(layout.spine.y);
      expect(bone.x2).toBeGreaterThan(bone.x1);
      expect(bone.x2).toBeLessThan(mid?.x ?? 0);
      expect(bone.side === 'upper' ? bone.y1 < bone.y2 : bone.y1 > bone.y2).toBe(true);
    }
  });

  it('hangs each upstream and service chip from a dot on its bone, upper chips above the spine and lower chips below', () => {
    for (const id of ['steel', 'copper', 'impellers', 'bearings']) expect((chip(id)?.y ?? 0) + (chip(id)?.height ?? 0)).toBeLessThan(layout.spine.y);
    for (const id of ['iron-castings', 'misc', 'testing', 'design']) expect(chip(id)?.y).toBeGreaterThan(layout.spine.y);
    const seals = chip('seals');
    const core = layout.bones.find((b) => b.label === '核心零部件');
    expect(seals?.anchor).not.toBeNull();
    if (seals?.anchor && core) {
      // the dot lies on the bone's line
      const t = (seals.anchor.y - core.y1) / (core.y2 - core.y1);
      expect(seals.anchor.x).toBeCloseTo(core.x1 + t * (core.x2 - core.x1), 9);
    }
  });

  it('puts midstream nodes in a panel on the spine and downstream nodes in the head column to its right', () => {
    const mid = layout.panels.find((p) => p.tier === 'mid');
    const down = layout.panels.find((p) => p.tier === 'down');
    expect(mid && mid.y < layout.spine.y && mid.y + mid.height > layout.spine.y).toBe(true);
    expect(chip('pumps')).toMatchObject({ tier: 'mid', anchor: null, x: (mid?.x ?? 0) + 12 });
    expect(chip('irrigation')?.x).toBeGreaterThan((mid?.x ?? 0) + (mid?.width ?? 0));
    expect(down?.x).toBeGreaterThan((mid?.x ?? 0) + (mid?.width ?? 0));
    expect(down && down.y < layout.spine.y && down.y + down.height > layout.spine.y).toBe(true);
  });

  it('places every node once, with no two chips overlapping and all inside the drawing', () => {
    expect(layout.chips.map((c) => c.nodeId).sort()).toEqual(NODES.map((n) => n.id).sort());
    for (const a of layout.chips) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.chips) if (a !== b) expect(overlaps(a, b), `${a.nodeId} × ${b.nodeId}`).toBe(false);
    }
  });

  it('keeps chips clear of the neighbouring bone lines', () => {
    for (const c of layout.chips) {
      for (const bone of layout.bones) {
        const top = Math.min(bone.y1, bone.y2);
        const bottom = Math.max(bone.y1, bone.y2);
        const midY = c.y + c.height / 2;
        if (midY < top || midY > bottom) continue;
        const lineX = bone.x1 + ((midY - bone.y1) / (bone.y2 - bone.y1)) * (bone.x2 - bone.x1);
        expect(lineX > c.x && lineX < c.x + c.width, `${c.nodeId} crosses bone ${bone.key}`).toBe(false);
      }
    }
  });

  it('draws a chain without upstream nodes as a spine, a panel and a head', () => {
    const small = layoutFishbone([{ id: 'a', tier: 'mid', bone: null }]);
    expect(small.bones).toEqual([]);
    expect(small.chips).toHaveLength(1);
    expect(small.width).toBeGreaterThan(0);
  });
});
