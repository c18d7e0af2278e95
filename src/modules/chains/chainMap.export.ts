import ExcelJS from 'exceljs';
import type { NodeFirmRow } from './chainMap.repo.ts';

/** A text cell that a spreadsheet would read as a formula (= + - @) is prefixed with an apostrophe. */
export function escapeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The firms of a node as an .xlsx workbook with Chinese headers; output in 万元 of the given year. */
export async function buildFirmWorkbook(input: { title: string; year: number | null; rows: readonly NodeFirmRow[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业清单');
  sheet.addRow([escapeCell(input.title)]);
  sheet.addRow(['序号', '企业名称', '统一社会信用代码', '乡镇街道代码', '规模', '主营环节', `产值（万元，${input.year ?? '—'}年）`, '示例数据']);
  input.rows.forEach((row, i) => {
    sheet.addRow([
      i + 1,
      escapeCell(row.name),
      escapeCell(row.uscc ?? ''),
      escapeCell(row.townCode ?? ''),
      row.scale === 'above' ? '规上' : '规下',
      row.isPrimary ? '是' : '否',
      row.outputWan,
      row.isSynthetic ? '是' : '否',
    ]);
  });
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : 18;
  });
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Content-Disposition with an ASCII fallback and the UTF-8 (RFC 5987) Chinese name. */
export function attachmentHeader(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
