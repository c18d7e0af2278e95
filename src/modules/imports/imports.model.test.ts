import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv.model.ts';
import { checkHeader, COLUMNS, escapeFormula, isNotesRow, parseDecimal, type ValidationContext, validateRow } from './imports.model.ts';

const CTX: ValidationContext = { towns: new Map([['331081100', '泽国镇']]), nodeIds: new Set(['pump.pumps']), currentYear: 2026 };
const columnsOf = (kind: 'enterprises' | 'metrics' | 'memberships') => new Map(COLUMNS[kind].map((c, i) => [c.field, i]));

describe('CsvSplitter', () => {
  it('splits quoted fields, doubled quotes and CRLF across chunk boundaries, dropping a BOM', () => {
    const s = new CsvSplitter();
    const text = '\uFEFFa,"b,""c"""\r\n"multi\nline",2\n3,';
    const rows = [...text].flatMap((ch) => s.push(ch));
    expect([...rows, ...s.end()]).toEqual([
      ['a', 'b,"c"'],
      ['multi\nline', '2'],
      ['3', ''],
    ]);
  });
});

describe('checkHeader', () => {
  it('maps columns in any order and names missing, unknown and repeated ones', () => {
    const header = COLUMNS.memberships.map((c) => c.header).reverse();
    const ok = checkHeader('memberships', header);
    expect(ok.ok && ok.columnOf.get('isPrimary')).toBe(0);
    const bad = checkHeader('memberships', ['统一社会信用代码', '统一社会信用代码', '节点']);
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.column}: ${e.reason}`)).toEqual([
      '统一社会信用代码: column appears twice',
      expect.stringMatching(/^节点: unknown column/),
      '企业ID: required column is missing from the header row',
      '产业链节点ID: required column is missing from the header row',
      '是否主营: required column is missing from the header row',
    ]);
  });
});

describe('validateRow', () => {
  it('reads a town by name or code, 规上/规下, 是/否, and normalises a full-width USCC', () => {
    const r = validateRow('enterprises', 3, ['９１３５０１００Ｍ０００１００Ｙ４３', ' 大浪泵业 ', '泽国镇', '规上', '是', '2001', ''], columnsOf('enterprises'), CTX);
    expect(r.ok && r.value).toMatchObject({ uscc: '91350100M000100Y43', name: '大浪泵业', townCode: '331081100', scale: 'above', isListed: true, foundedYear: 2001, address: null });
  });

  it('reports every bad cell of a row with its column, value and reason', () => {
    const r = validateRow('metrics', 7, ['', '', '1900.5', 'x', '-1', '-3', '', '', '', '', '', '1.5', ''], columnsOf('metrics'), CTX);
    expect(r.ok ? [] : r.errors).toEqual([
      { row: 7, column: '统一社会信用代码', value: '', reason: 'either 统一社会信用代码 or 企业ID is required' },
      { row: 7, column: '年份', value: '1900.5', reason: 'not a whole number' },
      { row: 7, column: '营业收入(万元)', value: 'x', reason: 'not a number' },
      { row: 7, column: '工业总产值(万元)', value: '-1', reason: 'must not be negative' },
      { row: 7, column: '从业人员(人)', value: '1.5', reason: 'not a whole number' },
    ]);
  });

  it('allows a negative value added and leaves empty cells as "no information"', () => {
    const r = validateRow('metrics', 2, ['', 'f1', '2024', '', '', '-3.456'], columnsOf('metrics'), CTX);
    expect(r.ok && r.value.kind === 'metrics' && r.value.values).toMatchObject({ valueAddedWan: -3.46, revenueWan: null });
  });

  it('rejects an unknown chain node', () => {
    const r = validateRow('memberships', 2, ['', 'f1', 'pump.nope', '否'], columnsOf('memberships'), CTX);
    expect(r.ok ? [] : r.errors.map((e) => e.reason)).toEqual(['no such chain node in this region']);
  });
});

describe('helpers', () => {
  it('skips a template notes row', () => {
    expect(isNotesRow(COLUMNS.enterprises.map((c) => c.note))).toBe(true);
    expect(isNotesRow(['说明：x', '大浪泵业'])).toBe(false);
  });
  it('parses plain decimals with thousands separators only', () => {
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('12万')).toBeNull();
  });
  it('escapes cells Excel would run as formulas', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', 'ok'].map(escapeFormula)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", 'ok']);
  });
});
