import { describe, expect, it } from 'vitest';
import { wouldCreateCycle } from './chainEdit.model.ts';

const edges = [
  { fromNodeId: 'castings', toNodeId: 'housing' },
  { fromNodeId: 'housing', toNodeId: 'pump' },
  { fromNodeId: 'motor', toNodeId: 'pump' },
];

describe('wouldCreateCycle', () => {
  it('refuses an edge back from the whole pump to castings (pump → castings closes castings → housing → pump)', () => {
    expect(wouldCreateCycle(edges, 'pump', 'castings')).toBe(true);
  });

  it('refuses a node feeding itself', () => {
    expect(wouldCreateCycle(edges, 'motor', 'motor')).toBe(true);
  });

  it('accepts a new supplier and a parallel edge that skips a level', () => {
    expect(wouldCreateCycle(edges, 'copper', 'motor')).toBe(false);
    expect(wouldCreateCycle(edges, 'castings', 'pump')).toBe(false);
  });

  it('accepts an edge between two nodes on separate branches', () => {
    expect(wouldCreateCycle(edges, 'motor', 'housing')).toBe(false);
  });
});
