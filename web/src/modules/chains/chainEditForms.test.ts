import { describe, expect, it } from 'vitest';
import { candidateInputs, parseIndustryCodes, suggestNodeId } from './chainEditForms.ts';

describe('parseIndustryCodes', () => {
  it('splits on commas, Chinese punctuation and spaces and drops repeats and blanks', () => {
    expect(parseIndustryCodes(' 3441, 3442；3443 、3441 ')).toEqual(['3441', '3442', '3443']);
    expect(parseIndustryCodes('  ')).toEqual([]);
  });

  it('leaves malformed codes for the server to name', () => {
    expect(parseIndustryCodes('34x1')).toEqual(['34x1']);
  });
});

describe('candidateInputs', () => {
  const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('offers every other node that does not already feed the target', () => {
    expect(candidateInputs(nodes, [{ fromNodeId: 'a', toNodeId: 'c' }], 'c').map((n) => n.id)).toEqual(['b']);
    expect(candidateInputs(nodes, [{ fromNodeId: 'a', toNodeId: 'c' }], 'b').map((n) => n.id)).toEqual(['a', 'c']);
  });
});

describe('suggestNodeId', () => {
  it('prefixes the chain id and keeps to the allowed characters', () => {
    expect(suggestNodeId('pump', 'Seals 2')).toBe('pump.seals-2');
    expect(suggestNodeId('pump', 'pump.seals')).toBe('pump.seals');
    expect(suggestNodeId('pump', '密封')).toBe('');
  });
});
