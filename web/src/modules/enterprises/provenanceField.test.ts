import { describe, expect, it } from 'vitest';
import { parseProvenanceField } from './provenanceField.ts';

describe('parseProvenanceField', () => {
  it('reads firm fields, yearly figures and chain nodes', () => {
    expect(parseProvenanceField('name')).toEqual({ kind: 'firm', field: 'name' });
    expect(parseProvenanceField('metrics.2024.taxWan')).toEqual({ kind: 'metric', year: 2024, field: 'taxWan' });
    expect(parseProvenanceField('node.pump.pumps')).toEqual({ kind: 'node', nodeId: 'pump.pumps' });
  });

  it('passes anything else through', () => {
    expect(parseProvenanceField('metrics.2024.unknown')).toEqual({ kind: 'other', field: 'metrics.2024.unknown' });
    expect(parseProvenanceField('colour')).toEqual({ kind: 'other', field: 'colour' });
  });
});
