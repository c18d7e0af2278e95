/**
 * Chinese for the reasons the import centre gives for a bad cell or a rejected file. Reasons are produced in
 * English (the API and CLI contract, stable for scripts); staff read them in Chinese on screen and in the Excel
 * error report. Every reason the validators produce has a rule here (a test walks them); an unknown one is
 * shown as it is.
 */
const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is required$/, () => '必填'],
  [/^longer than (\d+) characters$/, (m) => `超过 ${m[1]} 个字符`],
  [/^invalid USCC: (.*)$/, (m) => `统一社会信用代码无效：${usccReasonZh(m[1] ?? '')}`],
  [/^either (\S+) or (\S+) is required$/, (m) => `${m[1]} 与 ${m[2]} 至少填写一项`],
  [/^not a town of this region \(name or code\)$/, () => '不是本地区的镇街（请填写名称或区划代码）'],
  [/^must be one of (.*)$/, (m) => `只能填写：${m[1]}`],
  [/^not a number$/, () => '不是数字'],
  [/^not a whole number$/, () => '不是整数'],
  [/^must not be negative$/, () => '不能为负数'],
  [/^too large$/, () => '数值过大'],
  [/^must be between (-?\d+) and (-?\d+)$/, (m) => `应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^no such chain node in this region$/, () => '本地区没有这个产业链节点'],
  [/^not a month: write YYYY-MM, e\.g\. (\S+)$/, (m) => `不是有效月份，请写成 YYYY-MM，如 ${m[1]}`],
  [/^lies in the future \(latest month (\S+)\)$/, (m) => `月份在未来（最晚 ${m[1]}）`],
  [/^before 1990$/, () => '早于 1990 年'],
  [/^a tax-item code is 1–19 digits$/, () => '税收分类编码应为 1–19 位数字'],
  [/^this tax-item code is not mapped to a chain node/, () => '该税收分类编码未对应到产业链节点（请先导入“税收分类编码映射”）'],
  [/^no such firm in this region; import it under 企业名录 first$/, () => '本地区名录中没有这家企业，请先在“企业名录”中导入'],
  [/^the buyer is not a firm of this region; import it under 企业名录 first$/, () => '购方不是本地区名录企业，请先在“企业名录”中导入'],
  [/^the same record appears in row (\d+)$/, (m) => `与第 ${m[1]} 行重复`],
  [/^unknown column; expected one of (.*)$/, (m) => `无法识别的列，应为：${m[1]}`],
  [/^column appears twice$/, () => '列重复出现'],
  [/^required column is missing from the header row$/, () => '表头缺少必需的列'],
  // file-level faults
  [/^the file is empty$/, () => '文件为空'],
  [/^the file is ([\d.]+) MB; the limit is 50 MB$/, (m) => `文件大小 ${m[1]} MB，超过 50 MB 上限`],
  [/^this is an old \.xls workbook; save it as \.xlsx or \.csv$/, () => '这是旧版 .xls 工作簿，请另存为 .xlsx 或 .csv'],
  [/^not a spreadsheet: (.*)$/, () => '不是电子表格文件（应为 .xlsx 或 CSV）'],
  [/^rejected as a zip bomb: (.*)$/, (m) => `疑似压缩炸弹，已拒绝：${m[1]}`],
  [/^not a readable \.xlsx workbook: (.*)$/, (m) => `无法读取的 .xlsx 工作簿：${m[1]}`],
  [/^cell (\S+) holds a formula; paste values only/, (m) => `单元格 ${m[1]} 含公式，请“选择性粘贴 → 数值”后再导入`],
  [/^row (\d+) has (?:more than )?(\d+) columns/, (m) => `第 ${m[1]} 行列数过多（最多读取 64 列）`],
  [/^more than (\d+) rows$/, (m) => `超过 ${m[1]} 行`],
  [/^the header row does not match the (\S+) template: (.*)$/, (m) => `表头与模板不符：${m[2]}`],
  [/^the file is empty: no header row$/, () => '文件为空：没有表头行'],
  [/^the file has no data rows under the header$/, () => '表头下没有数据行'],
];

function usccReasonZh(reason: string): string {
  let m = /^length (\d+), expected 18$/.exec(reason);
  if (m) return `长度为 ${m[1]} 位，应为 18 位`;
  m = /^character "(.)" at position (\d+) is not in the USCC character set$/.exec(reason);
  if (m) return `第 ${m[2]} 位字符“${m[1]}”不在代码字符集中`;
  m = /^wrong check character "(.)", expected "(.)"$/.exec(reason);
  if (m) return `校验码“${m[1]}”错误，应为“${m[2]}”`;
  return reason;
}

/** The Chinese form of an import reason; the reason itself when it has no rule. */
export function reasonZh(reason: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(reason);
    if (match) return render(match);
  }
  return reason;
}
