import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRowBatches } from './imports.file.ts';
import { decodeXml, isDateFormatCode, SharedStringsScanner, SheetScanner, stringItemText } from './sheetXml.model.ts';
import { StringsSoFar } from './xlsxReader.ts';

const DIR = join(process.cwd(), '.tmp', 'xlsx-reader-test');
mkdirSync(DIR, { recursive: true });

/** What exceljs (the reference reader) makes of the first sheet, as the import centre's cell texts. */
async function exceljsRows(path: string): Promise<{ row: number; cells: string[] }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const rows: { row: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const v = cell.value;
      cells[column - 1] =
        v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? ('richText' in v ? v.richText.map((r) => r.text).join('') : 'error' in v ? String(v.error) : '') : String(v);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: row.number, cells });
  });
  return rows;
}

async function ourRows(path: string): Promise<{ row: number; cells: string[] }[]> {
  const rows: { row: number; cells: string[] }[] = [];
  for await (const batch of readRowBatches(path, 'xlsx')) rows.push(...batch);
  return rows;
}

describe('xlsx reader', () => {
  it('reads what exceljs reads: shared and inline strings, rich text, numbers, dates, booleans, errors, gaps, entities', async () => {
    for (const useSharedStrings of [true, false]) {
      const path = join(DIR, `mixed-${useSharedStrings}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
      const sheet = writer.addWorksheet('企业名录');
      sheet.addRow(['统一社会信用代码', '企业名称', 'A & B <c> "d"', '日期']).commit();
      const dated = sheet.addRow(['91331081MA2AXXXX1B', '大浪泵业有限公司', 12.5, new Date(Date.UTC(2024, 0, 31))]);
      dated.getCell(4).numFmt = 'yyyy-mm-dd';
      dated.commit();
      sheet.addRow([null, { richText: [{ text: '温岭' }, { text: '水泵', font: { bold: true } }] }, true, { error: '#N/A' }]).commit();
      const sparse = sheet.getRow(7);
      sparse.getCell(1).value = 1e21;
      sparse.getCell(5).value = '  spaced  ';
      sparse.getCell(3).value = -0.000123;
      sparse.commit();
      sheet.addRow(['line\nbreak', "it's", '1 < 2', 0]).commit();
      sheet.commit();
      await writer.commit();
      expect(await ourRows(path)).toEqual(await exceljsRows(path));
    }
  });

  it('reads a workbook written by exceljs in memory (another writer path), with the first tab read', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('第一页');
    const second = book.addWorksheet('第二页');
    first.addRow(['名称', '年份']);
    first.addRow(['泽国镇企业', 1999]);
    second.addRow(['not', 'read']);
    const path = join(DIR, 'two-sheets.xlsx');
    await book.xlsx.writeFile(path);
    expect(await ourRows(path)).toEqual([
      { row: 1, cells: ['名称', '年份'] },
      { row: 2, cells: ['泽国镇企业', '1999'] },
    ]);
  });

  it('reads text that looks like an escaped entity as written (exceljs decodes it twice)', async () => {
    const path = join(DIR, 'entity.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('s');
    sheet.addRow(['&amp;', '&#27700;']).commit();
    sheet.commit();
    await writer.commit();
    expect(await ourRows(path)).toEqual([{ row: 1, cells: ['&amp;', '&#27700;'] }]);
  });

  it('rejects a formula cell naming its address', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    sheet.addRow(['a', 'b']);
    sheet.getCell('B2').value = { formula: 'A1*2', result: 4 };
    const path = join(DIR, 'formula.xlsx');
    await book.xlsx.writeFile(path);
    await expect(ourRows(path)).rejects.toThrow(/cell B2 holds a formula/);
  });

  it('scans rows cut anywhere by chunk boundaries', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲&amp;乙</t></is></c><c r="C1"><v>3</v></c></row><row r="2"/><x:row r="4"><x:c r="B4" t="s"><x:v>0</x:v></x:c></x:row></sheetData></worksheet>';
    for (let cut = 1; cut < xml.length; cut += 7) {
      const scanner = new SheetScanner();
      const rows = [...scanner.push(xml.slice(0, cut)), ...scanner.push(xml.slice(cut)), ...scanner.end()];
      expect(rows.map((r) => [r.row, r.cells.map((c) => `${c.address}:${c.type}:${c.text}`)])).toEqual([
        [1, ['A1:inlineStr:甲&乙', 'C1:n:3']],
        [2, []],
        [4, ['B4:s:0']],
      ]);
    }
  });

  it('scans shared strings cut anywhere by chunk boundaries: prefixes, comments, empty items, runs and phonetic guides', () => {
    const xml = '<?xml version="1.0"?><sst count="5"><!-- a <si> in a comment --><si><t>大浪&amp;泵业</t></si><si/><x:si><x:r><x:t xml:space="preserve"> 温岭 </x:t></x:r><x:r><x:t>水泵</x:t></x:r></x:si><si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t/></si></sst>';
    for (let cut = 1; cut < xml.length; cut += 3) {
      const scanner = new SharedStringsScanner();
      scanner.push(xml.slice(0, cut));
      scanner.push(xml.slice(cut));
      expect(scanner.strings).toEqual(['大浪&泵业', '', ' 温岭 水泵', '東京', '']);
    }
  });

  it('lets a batch of rows wait for the shared strings it uses, and no longer', async () => {
    const strings = new StringsSoFar();
    const settledAt: string[] = [];
    const upTo = (index: number) => strings.upTo(index).then(() => settledAt.push(`${index}`));
    const first = upTo(1);
    strings.push('<sst><si><t>甲</t></si>');
    await Promise.resolve();
    expect(settledAt).toEqual([]); // one string read, the second is still to come
    strings.push('<si><t>乙</t></si><si><t>丙</t></si>');
    await first;
    expect([0, 1, 2, 3].map((i) => strings.strings[i])).toEqual(['甲', '乙', '丙', undefined]);
    const beyond = upTo(7);
    strings.end(); // a complete table: an index beyond it reads as an empty cell, as before
    await beyond;
    expect(settledAt).toEqual(['1', '7']);
    const failed = new StringsSoFar();
    const waiting = failed.upTo(0);
    failed.fail(new Error('a damaged zip entry'));
    await expect(waiting).rejects.toThrow('a damaged zip entry');
    await expect(failed.whole()).rejects.toThrow('a damaged zip entry');
  });

  it('reads a workbook whose shared strings span many inflated chunks as exceljs does, the table read beside the sheet', async () => {
    const path = join(DIR, 'many-strings.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('企业名录');
    sheet.addRow(['统一社会信用代码', '企业名称', '地址']).commit();
    for (let i = 1; i <= 12_000; i++) sheet.addRow([`91331081MB${String(i).padStart(7, '0')}X`, `温岭市第${i}号泵业有限公司`, `温岭市泽国镇测试路${i}号`]).commit();
    sheet.addRow(['91331081MB0000001X', '温岭市第1号泵业有限公司', '温岭市泽国镇测试路12000号']).commit(); // strings from both ends of the table
    sheet.commit();
    await writer.commit();
    const ours = await ourRows(path);
    expect(ours).toHaveLength(12_002);
    expect(ours).toEqual(await exceljsRows(path));
  });

  it('rejects a workbook whose shared string table is damaged after the strings its first rows use', async () => {
    const path = join(DIR, 'late-damage.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('企业名录');
    for (let i = 1; i <= 12_000; i++) sheet.addRow([`温岭市第${i}号泵业有限公司`, `温岭市泽国镇测试路${i}号`]).commit();
    sheet.commit();
    await writer.commit();
    const bytes = readFileSync(path);
    const name = bytes.indexOf('xl/sharedStrings.xml');
    const header = name - 30; // the local file header before the name
    const dataStart = name + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    const late = dataStart + Math.floor(bytes.readUInt32LE(header + 18) * 0.8);
    bytes.fill(0xff, late, late + 64);
    writeFileSync(path, bytes);
    await expect(ourRows(path)).rejects.toThrow(/^not a readable \.xlsx workbook: a damaged zip entry/);
  });

  it('leaves phonetic guides out of string items and decodes character references', () => {
    expect(stringItemText('<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>')).toBe('東京');
    expect(decodeXml('&#27700;&#x6CF5;&lt;&gt;&quot;&apos;&amp;amp;')).toBe('水泵<>"\'&amp;');
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormatCode('[$-804]yyyy/mm/dd')).toBe(true);
    expect(isDateFormatCode('0.00"元"')).toBe(false);
    expect(isDateFormatCode('[Red]#,##0')).toBe(false);
    expect(isDateFormatCode('General')).toBe(false);
  });
});
