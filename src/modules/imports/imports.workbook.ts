import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellError, COLUMNS, escapeFormula, type ImportKind, KIND_LABEL_ZH } from './imports.model.ts';
import { reasonZh } from './reasonZh.ts';

/** The template file's name, Chinese, e.g. 企业名录导入模板.xlsx */
export function templateFileName(kind: ImportKind): string {
  return `${KIND_LABEL_ZH[kind]}导入模板.xlsx`;
}

/** A template: Chinese headers in row 1, a notes row explaining each column in row 2 (skipped on import). */
export async function writeTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(KIND_LABEL_ZH[kind]);
  const specs = COLUMNS[kind];
  sheet.columns = specs.map((s) => ({ header: s.header, key: s.field, width: Math.max(14, s.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  const notes = sheet.addRow(specs.map((s) => s.note));
  notes.font = { italic: true, color: { argb: 'FF808080' } };
  notes.alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The error report: one line per bad cell (row, column, value, reason); values escaped against formula injection. */
export async function writeErrorReport(target: Writable, meta: { fileName: string }, pages: AsyncIterable<CellError[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: target, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('错误报告');
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 20 },
    { header: '值', key: 'value', width: 30 },
    { header: '原因', key: 'reason', width: 50 },
    { header: 'Reason (English)', key: 'reasonEn', width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  sheet.addRow([0, '文件', escapeFormula(meta.fileName), '以下为该文件中所有有误的单元格', 'every bad cell of the file']).commit();
  for await (const page of pages) {
    for (const e of page) sheet.addRow([e.row, escapeFormula(e.column), escapeFormula(e.value), escapeFormula(reasonZh(e.reason)), escapeFormula(e.reason)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
