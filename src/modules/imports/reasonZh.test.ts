import { describe, expect, it } from 'vitest';
import { checkHeader, COLUMNS, type ImportKind, validateRow } from './imports.model.ts';
import { reasonZh } from './reasonZh.ts';

const CJK = /[\u4e00-\u9fff]/;
const ctx = { towns: new Map([['331081100', '泽国镇']]), nodeIds: new Set(['pump.pumps']), currentYear: 2026, taxCodes: new Map([['1090', 'pump.pumps']]), currentPeriod: '2026-11' };

/** Bad values per field, chosen to hit every rule of the validators. */
const BAD: Record<string, string[]> = {
  uscc: ['123', '91331081MA2AXXXXIB', '91331081MA2AXXXX1C'],
  name: ['', 'x'.repeat(201)],
  town: ['火星镇'],
  scale: ['中型'],
  isListed: ['也许'],
  foundedYear: ['1700', '2001.5'],
  year: ['x'],
  revenueWan: ['-1', 'abc', '1e20'],
  valueAddedWan: ['99999999999999999'],
  nodeId: ['no.such'],
  period: ['2025-13', '2099-01', '1985-01'],
  sellerUscc: ['1'],
  buyerUscc: [''],
  taxCode: ['12a', '9999'],
  amountWan: ['abc', '99999999999'],
};

describe('Chinese import reasons', () => {
  it('every reason a validator gives for a bad cell or header has a Chinese form', () => {
    const reasons = new Set<string>();
    for (const kind of Object.keys(COLUMNS) as ImportKind[]) {
      const specs = COLUMNS[kind];
      const columnOf = new Map(specs.map((s, i) => [s.field, i]));
      for (const spec of specs) {
        for (const bad of BAD[spec.field] ?? []) {
          const cells = specs.map((s) => (s.field === spec.field ? bad : ''));
          const result = validateRow(kind, 3, cells, columnOf, ctx);
          if (!result.ok) for (const e of result.errors) reasons.add(e.reason);
        }
      }
      const header = checkHeader(kind, ['奇怪的列', specs[0]?.header ?? '', specs[0]?.header ?? '']);
      if (!header.ok) for (const e of header.errors) reasons.add(e.reason);
    }
    expect(reasons.size).toBeGreaterThan(20);
    const untranslated = [...reasons].filter((r) => !CJK.test(reasonZh(r).replace(/统一社会信用代码|企业ID|产业链节点ID|税收分类编码|企业名录|税收分类编码映射/g, '')));
    expect(untranslated).toEqual([]);
  });

  it('renders the USCC faults and the file faults', () => {
    expect(reasonZh('invalid USCC: wrong check character "4", expected "3"')).toBe('统一社会信用代码无效：校验码“4”错误，应为“3”');
    expect(reasonZh('invalid USCC: length 17, expected 18')).toBe('统一社会信用代码无效：长度为 17 位，应为 18 位');
    expect(reasonZh('cell B2 holds a formula; paste values only (选择性粘贴 → 数值)')).toBe('单元格 B2 含公式，请“选择性粘贴 → 数值”后再导入');
    expect(reasonZh('the same record appears in row 7')).toBe('与第 7 行重复');
    expect(reasonZh('something new')).toBe('something new');
  });
});
