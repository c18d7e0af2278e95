import { describe, expect, it } from 'vitest';
import { countByStatus, sortLabels, toDenseMatrix } from './innovation.model.ts';

describe('toDenseMatrix', () => {
  it('turns sparse cells into axes and a grid with zeros where nothing was counted', () => {
    const m = toDenseMatrix([
      { row: '数字化设计', col: '模具', count: 3 },
      { row: '高性能零部件', col: '航空', count: 2 },
      { row: '数字化设计', col: '航空', count: 1 },
    ]);
    expect(m.rows).toEqual(sortLabels(['数字化设计', '高性能零部件']));
    expect(m.cols).toEqual(sortLabels(['模具', '航空']));
    const at = (r: string, c: string) => m.counts[m.rows.indexOf(r)]?.[m.cols.indexOf(c)];
    expect(at('数字化设计', '模具')).toBe(3);
    expect(at('数字化设计', '航空')).toBe(1);
    expect(at('高性能零部件', '航空')).toBe(2);
    expect(at('高性能零部件', '模具')).toBe(0);
  });
  it('keeps unassigned (null) labels, last', () => {
    const m = toDenseMatrix([
      { row: null, col: 'b', count: 1 },
      { row: 'a', col: null, count: 4 },
    ]);
    expect(m.rows).toEqual(['a', null]);
    expect(m.cols).toEqual(['b', null]);
    expect(m.counts).toEqual([
      [0, 4],
      [1, 0],
    ]);
  });
  it('gives empty axes for no cells', () => {
    expect(toDenseMatrix([])).toEqual({ rows: [], cols: [], counts: [] });
  });
});

describe('countByStatus', () => {
  it('maps stored statuses to counts', () => {
    expect(
      countByStatus([
        { status: 'open', count: 40 },
        { status: 'in_progress', count: 20 },
        { status: 'solved', count: 9 },
      ]),
    ).toEqual({ open: 40, inProgress: 20, solved: 9 });
  });
});
