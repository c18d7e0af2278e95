import { describe, expect, it } from 'vitest';
import { defaultOrder, groupNodeIds } from './attraction.model.ts';

describe('groupNodeIds', () => {
  it("collects each candidate's nodes, sorted", () => {
    const grouped = groupNodeIds([
      { candidateId: 'c1', nodeId: 'pump.seals' },
      { candidateId: 'c2', nodeId: 'laser.optics' },
      { candidateId: 'c1', nodeId: 'pump.castings' },
    ]);
    expect(grouped.get('c1')).toEqual(['pump.castings', 'pump.seals']);
    expect(grouped.get('c2')).toEqual(['laser.optics']);
  });
});

describe('defaultOrder', () => {
  it('puts the biggest and fastest first, the nearest first, names A→Z', () => {
    expect(defaultOrder('revenue')).toBe('desc');
    expect(defaultOrder('growth')).toBe('desc');
    expect(defaultOrder('distance')).toBe('asc');
    expect(defaultOrder('name')).toBe('asc');
  });
});
