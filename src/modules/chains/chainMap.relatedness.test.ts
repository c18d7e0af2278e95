import { describe, expect, it } from 'vitest';
import { computeNodeRelatedness, type NodeMembership } from './chainMap.relatedness.ts';

const local = (firmKey: string, ...nodeIds: string[]): NodeMembership[] => nodeIds.map((nodeId) => ({ firmKey, nodeId, isLocal: true }));
const outside = (firmKey: string, ...nodeIds: string[]): NodeMembership[] => nodeIds.map((nodeId) => ({ firmKey, nodeId, isLocal: false }));

describe('computeNodeRelatedness', () => {
  // Local: l1 castings, l2 castings + machining. Outside: o1–o3 make motors with castings, o4 motors alone,
  // o5 makes testing alone.
  const memberships = [
    ...local('l1', 'castings'),
    ...local('l2', 'castings', 'machining'),
    ...outside('o1', 'motors', 'castings'),
    ...outside('o2', 'motors', 'castings'),
    ...outside('o3', 'motors', 'castings'),
    ...outside('o4', 'motors'),
    ...outside('o5', 'testing'),
  ];
  const nodeIds = ['castings', 'machining', 'motors', 'testing'];
  const result = computeNodeRelatedness({ nodeIds, memberships });

  it('gives only nodes without a local firm a density', () => {
    expect([...result.keys()].sort()).toEqual(['motors', 'testing']);
  });

  it('computes density from the co-occurrence in local and outside firms: motors φ(castings) = 3 / max(4, 5)', () => {
    // φ(motors, castings) = 3/5, φ(motors, machining) = 0, self 1 → d = 0.6 / 1.6.
    expect(result.get('motors')?.density).toBeCloseTo(0.6 / 1.6, 12);
    expect(result.get('motors')?.related).toEqual([{ nodeId: 'castings', proximity: 0.6 }]);
  });

  it('gives a node that never co-occurs with a present node density 0 and nothing related', () => {
    expect(result.get('testing')).toEqual({ density: 0, related: [] });
  });

  it('gives a node without any firm density 0 (no evidence), not an error', () => {
    expect(computeNodeRelatedness({ nodeIds: ['a', 'b'], memberships: local('l1', 'a') }).get('b')).toEqual({ density: 0, related: [] });
  });

  it('ignores memberships of nodes not listed and keeps the top related present nodes, closest first', () => {
    const many = [...local('l1', 'a'), ...local('l2', 'b'), ...local('l3', 'c'), ...outside('o1', 'x', 'a', 'b'), ...outside('o2', 'x', 'a'), ...outside('o3', 'zz', 'x')];
    const r = computeNodeRelatedness({ nodeIds: ['a', 'b', 'c', 'x'], memberships: many, topRelated: 1 });
    expect(r.get('x')?.related).toEqual([{ nodeId: 'a', proximity: 2 / 3 }]);
  });
});
