import { checkUscc } from '../../core/uscc/uscc.ts';

// No zod here: this module is loaded by the row-checking worker, whose start an import waits for. The API
// schemas built on these types are in imports.contract.ts.

export const IMPORT_KINDS = ['enterprises', 'metrics', 'memberships', 'flows', 'taxcodes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['dry_run', 'apply', 'partial'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One bad cell: spreadsheet row number (header = 1), column header text, the value as read, and why. */
export interface CellError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ColumnSpec {
  header: string;
  field: string;
  note: string;
  isRequired?: boolean;
}

/** Prefix of every cell of a template's notes row, so a filled-in template can keep it. */
export const NOTE_PREFIX = '说明：';

const FIRM_KEY: ColumnSpec[] = [
  { header: '统一社会信用代码', field: 'uscc', note: `${NOTE_PREFIX}18位统一社会信用代码；与“企业ID”至少填一项` },
  { header: '企业ID', field: 'enterpriseId', note: `${NOTE_PREFIX}平台内企业编号；无信用代码时填写` },
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  enterprises: [
    { header: '统一社会信用代码', field: 'uscc', note: `${NOTE_PREFIX}18位统一社会信用代码（GB 32100），可空但填写时必须有效` },
    { header: '企业名称', field: 'name', note: `${NOTE_PREFIX}工商登记全称，必填`, isRequired: true },
    { header: '所在镇街', field: 'town', note: `${NOTE_PREFIX}镇街名称或9–12位区划代码，如“泽国镇”` },
    { header: '规模', field: 'scale', note: `${NOTE_PREFIX}规上 或 规下，空为规下` },
    { header: '是否上市', field: 'isListed', note: `${NOTE_PREFIX}是 或 否，空为否` },
    { header: '成立年份', field: 'foundedYear', note: `${NOTE_PREFIX}四位年份，如 2008` },
    { header: '地址', field: 'address', note: `${NOTE_PREFIX}生产经营地址，用于企业比对` },
  ],
  metrics: [
    ...FIRM_KEY,
    { header: '年份', field: 'year', note: `${NOTE_PREFIX}统计年度，四位年份，必填`, isRequired: true },
    { header: '营业收入(万元)', field: 'revenueWan', note: `${NOTE_PREFIX}万元，非负数` },
    { header: '工业总产值(万元)', field: 'outputWan', note: `${NOTE_PREFIX}万元，非负数` },
    { header: '增加值(万元)', field: 'valueAddedWan', note: `${NOTE_PREFIX}万元，可为负` },
    { header: '税收(万元)', field: 'taxWan', note: `${NOTE_PREFIX}万元，实缴税金，非负数` },
    { header: '用地(亩)', field: 'landMu', note: `${NOTE_PREFIX}亩，非负数` },
    { header: '能耗(吨标煤)', field: 'energyTce', note: `${NOTE_PREFIX}吨标准煤，非负数` },
    { header: '排放(吨)', field: 'emissionsT', note: `${NOTE_PREFIX}主要污染物排放量，吨，非负数` },
    { header: '用电(兆瓦时)', field: 'electricityMwh', note: `${NOTE_PREFIX}兆瓦时（千度），非负数` },
    { header: '从业人员(人)', field: 'employees', note: `${NOTE_PREFIX}年末从业人员，整数` },
    { header: '研发投入(万元)', field: 'rdWan', note: `${NOTE_PREFIX}万元，非负数` },
  ],
  memberships: [
    ...FIRM_KEY,
    { header: '产业链节点ID', field: 'nodeId', note: `${NOTE_PREFIX}产业链节点编号（见产业链页面），必填`, isRequired: true },
    { header: '是否主营', field: 'isPrimary', note: `${NOTE_PREFIX}是 或 否，空为否` },
  ],
  // Trade flows (METHODS §3): invoice aggregates per seller, buyer, month and chain node, in 万元 excluding VAT.
  flows: [
    { header: '期间', field: 'period', note: `${NOTE_PREFIX}开票月份 YYYY-MM，如 2025-03，必填`, isRequired: true },
    { header: '销方统一社会信用代码', field: 'sellerUscc', note: `${NOTE_PREFIX}销售方18位信用代码，必填；不在本地名录的销方记为外地销方，地区取代码第3–8位`, isRequired: true },
    { header: '购方统一社会信用代码', field: 'buyerUscc', note: `${NOTE_PREFIX}购买方18位信用代码，必填，须为本地名录企业`, isRequired: true },
    { header: '产业链节点ID', field: 'nodeId', note: `${NOTE_PREFIX}货物所属产业链节点编号；与“税收分类编码”至少填一项` },
    { header: '税收分类编码', field: 'taxCode', note: `${NOTE_PREFIX}商品和服务税收分类编码（按“税收分类编码映射”对应到节点）` },
    { header: '金额(万元,不含税)', field: 'amountWan', note: `${NOTE_PREFIX}不含增值税金额，万元；红字发票填负数`, isRequired: true },
  ],
  taxcodes: [
    { header: '税收分类编码', field: 'taxCode', note: `${NOTE_PREFIX}商品和服务税收分类编码或其前缀（1–19位数字），最长前缀优先`, isRequired: true },
    { header: '产业链节点ID', field: 'nodeId', note: `${NOTE_PREFIX}对应的产业链节点编号，必填`, isRequired: true },
  ],
};

export const KIND_LABEL_ZH: Record<ImportKind, string> = { enterprises: '企业名录', metrics: '企业年度指标', memberships: '产业链节点归属', flows: '交易流水', taxcodes: '税收分类编码映射' };

export const METRIC_FIELDS = ['revenueWan', 'outputWan', 'valueAddedWan', 'taxWan', 'landMu', 'energyTce', 'emissionsT', 'electricityMwh', 'employees', 'rdWan'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export interface FirmKey {
  uscc: string | null;
  enterpriseId: string | null;
}
export interface EnterpriseRowValue {
  kind: 'enterprises';
  uscc: string | null;
  name: string;
  townCode: string | null;
  /** null: the cell was empty, keep what the registry has */
  scale: 'above' | 'below' | null;
  isListed: boolean | null;
  foundedYear: number | null;
  address: string | null;
}
export interface MetricRowValue extends FirmKey {
  kind: 'metrics';
  year: number;
  values: Record<MetricField, number | null>;
}
export interface MembershipRowValue extends FirmKey {
  kind: 'memberships';
  nodeId: string;
  isPrimary: boolean | null;
}
export interface FlowRowValue {
  kind: 'flows';
  /** first day of the month, YYYY-MM-01 */
  period: string;
  sellerUscc: string;
  buyerUscc: string;
  nodeId: string;
  amountWan: number;
}
export interface TaxCodeRowValue {
  kind: 'taxcodes';
  taxCode: string;
  nodeId: string;
}
export type RowValue = EnterpriseRowValue | MetricRowValue | MembershipRowValue | FlowRowValue | TaxCodeRowValue;

/** What validation needs from the region: its towns (code → name), chain node ids and tax-item code mapping. */
export interface ValidationContext {
  towns: ReadonlyMap<string, string>;
  nodeIds: ReadonlySet<string>;
  currentYear: number;
  /** tax-item code (or prefix) → chain node; the longest prefix of a code wins */
  taxCodes?: ReadonlyMap<string, string>;
  /** the latest month a flow may fall in, YYYY-MM (defaults to this month) */
  currentPeriod?: string;
}

/** The chain node a tax-item code maps to: the longest mapped prefix, or null. */
export function nodeOfTaxCode(code: string, taxCodes: ReadonlyMap<string, string>): string | null {
  for (let length = code.length; length > 0; length--) {
    const node = taxCodes.get(code.slice(0, length));
    if (node !== undefined) return node;
  }
  return null;
}

/** A month as the flows import reads it: YYYY-MM, YYYY/MM, YYYYMM, or a date (an Excel date cell) → YYYY-MM-01. */
export function parsePeriod(text: string): string | null {
  const match = /^(\d{4})[-/.]?(\d{1,2})(?:[-/.]\d{1,2})?$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-01`;
}

export type HeaderCheck = { ok: true; columnOf: Map<string, number> } | { ok: false; errors: CellError[] };

/** Maps the header row onto the kind's columns: every column must be present once; unknown columns are named. */
export function checkHeader(kind: ImportKind, header: readonly string[]): HeaderCheck {
  const specs = COLUMNS[kind];
  const errors: CellError[] = [];
  const columnOf = new Map<string, number>();
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const spec = specs.find((s) => s.header === text);
    if (!spec) errors.push({ row: 1, column: text, value: text, reason: `unknown column; expected one of ${specs.map((s) => s.header).join(', ')}` });
    else if (columnOf.has(spec.field)) errors.push({ row: 1, column: text, value: text, reason: 'column appears twice' });
    else columnOf.set(spec.field, index);
  });
  for (const spec of specs) {
    if (!columnOf.has(spec.field)) errors.push({ row: 1, column: spec.header, value: '', reason: 'required column is missing from the header row' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columnOf };
}

/** A template's notes row, kept by a user who filled in the template, is skipped rather than imported. */
export function isNotesRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every((c) => c.trim().startsWith(NOTE_PREFIX));
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

export type RowResult = { ok: true; value: RowValue; raw: Record<string, string> } | { ok: false; errors: CellError[]; raw: Record<string, string> };

/** Validates one data row; every bad cell is reported, not only the first. */
export function validateRow(kind: ImportKind, row: number, cells: readonly string[], columnOf: ReadonlyMap<string, number>, ctx: ValidationContext): RowResult {
  const raw: Record<string, string> = {};
  for (const spec of COLUMNS[kind]) raw[spec.header] = (cells[columnOf.get(spec.field) ?? -1] ?? '').trim();
  const errors: CellError[] = [];
  const cell = new CellReader(kind, row, raw, errors);
  let value: RowValue;
  if (kind === 'enterprises') {
    value = {
      kind,
      uscc: cell.uscc('uscc'),
      name: cell.text('name', 200) ?? '',
      townCode: cell.town('town', ctx.towns),
      scale: cell.choice('scale', { 规上: 'above', 规下: 'below' }),
      isListed: cell.yesNo('isListed'),
      foundedYear: cell.integer('foundedYear', 1800, ctx.currentYear),
      address: cell.text('address', 300),
    };
  } else if (kind === 'metrics') {
    const key = cell.firmKey();
    const year = cell.integer('year', 1949, ctx.currentYear) ?? 0;
    const values: Record<MetricField, number | null> = {
      revenueWan: cell.number('revenueWan', true),
      outputWan: cell.number('outputWan', true),
      valueAddedWan: cell.number('valueAddedWan', false),
      taxWan: cell.number('taxWan', true),
      landMu: cell.number('landMu', true),
      energyTce: cell.number('energyTce', true),
      emissionsT: cell.number('emissionsT', true),
      electricityMwh: cell.number('electricityMwh', true),
      employees: cell.integer('employees', 0, 10_000_000),
      rdWan: cell.number('rdWan', true),
    };
    value = { kind, ...key, year, values };
  } else if (kind === 'memberships') {
    const nodeId = cell.text('nodeId', 100) ?? '';
    if (nodeId !== '' && !ctx.nodeIds.has(nodeId)) cell.fail('nodeId', 'no such chain node in this region');
    value = { kind, ...cell.firmKey(), nodeId, isPrimary: cell.yesNo('isPrimary') };
  } else if (kind === 'flows') {
    const period = cell.period('period', ctx.currentPeriod ?? new Date().toISOString().slice(0, 7));
    const sellerUscc = cell.uscc('sellerUscc') ?? '';
    const buyerUscc = cell.uscc('buyerUscc') ?? '';
    const nodeId = cell.node(ctx.nodeIds, ctx.taxCodes ?? new Map()) ?? '';
    const amount = cell.signedAmount('amountWan');
    value = { kind, period: period ?? '', sellerUscc, buyerUscc, nodeId, amountWan: amount ?? 0 };
  } else {
    const taxCode = cell.taxCode('taxCode') ?? '';
    const nodeId = cell.text('nodeId', 100) ?? '';
    if (nodeId !== '' && !ctx.nodeIds.has(nodeId)) cell.fail('nodeId', 'no such chain node in this region');
    value = { kind, taxCode, nodeId };
  }
  return errors.length > 0 ? { ok: false, errors, raw } : { ok: true, value, raw };
}

/** Reads and checks the cells of one row, collecting one error per bad cell. */
class CellReader {
  constructor(
    private readonly kind: ImportKind,
    private readonly row: number,
    private readonly raw: Record<string, string>,
    private readonly errors: CellError[],
  ) {}

  private spec(field: string): ColumnSpec {
    const spec = COLUMNS[this.kind].find((s) => s.field === field);
    if (!spec) throw new Error(`no column ${field} for ${this.kind}`);
    return spec;
  }

  private get(field: string): string {
    return this.raw[this.spec(field).header] ?? '';
  }

  fail(field: string, reason: string): null {
    const column = this.spec(field).header;
    this.errors.push({ row: this.row, column, value: this.raw[column] ?? '', reason });
    return null;
  }

  /** Required columns must be filled; optional empty cells read as null. */
  private present(field: string): string | null {
    const text = this.get(field);
    if (text !== '') return text;
    if (this.spec(field).isRequired) this.fail(field, 'is required');
    return null;
  }

  text(field: string, max: number): string | null {
    const text = this.present(field);
    if (text === null) return null;
    return text.length > max ? this.fail(field, `longer than ${max} characters`) : text;
  }

  uscc(field: string): string | null {
    const text = this.present(field);
    if (text === null) return null;
    const check = checkUscc(text);
    return check.valid ? check.code : this.fail(field, `invalid USCC: ${check.reason}`);
  }

  firmKey(): FirmKey {
    const uscc = this.uscc('uscc');
    const enterpriseId = this.text('enterpriseId', 64);
    if (this.get('uscc') === '' && enterpriseId === null) this.fail('uscc', 'either 统一社会信用代码 or 企业ID is required');
    return { uscc, enterpriseId };
  }

  town(field: string, towns: ReadonlyMap<string, string>): string | null {
    const text = this.present(field);
    if (text === null) return null;
    if (towns.has(text)) return text;
    for (const [code, name] of towns) if (name === text) return code;
    return this.fail(field, 'not a town of this region (name or code)');
  }

  choice<T extends string>(field: string, options: Record<string, T>): T | null {
    const text = this.present(field);
    if (text === null) return null;
    return options[text] ?? this.fail(field, `must be one of ${Object.keys(options).join(', ')}`);
  }

  yesNo(field: string): boolean | null {
    const choice = this.choice(field, { 是: 'yes', 否: 'no' });
    return choice === null ? null : choice === 'yes';
  }

  number(field: string, isNonNegative: boolean): number | null {
    const text = this.present(field);
    if (text === null) return null;
    const parsed = parseDecimal(text);
    if (parsed === null) return this.fail(field, 'not a number');
    if (isNonNegative && parsed < 0) return this.fail(field, 'must not be negative');
    if (Math.abs(parsed) >= 1e14) return this.fail(field, 'too large');
    return Math.round(parsed * 100) / 100;
  }

  /** A month no later than `latest` (YYYY-MM). */
  period(field: string, latest: string): string | null {
    const text = this.present(field);
    if (text === null) return null;
    const period = parsePeriod(text);
    if (period === null) return this.fail(field, 'not a month: write YYYY-MM, e.g. 2025-03');
    if (period.slice(0, 7) > latest) return this.fail(field, `lies in the future (latest month ${latest})`);
    if (period < '1990-01-01') return this.fail(field, 'before 1990');
    return period;
  }

  /** A tax-item code: 1–19 digits. */
  taxCode(field: string): string | null {
    const text = this.present(field);
    if (text === null) return null;
    return /^\d{1,19}$/.test(text) ? text : this.fail(field, 'a tax-item code is 1–19 digits');
  }

  /** A flow's chain node: the node id when given, else the node its tax-item code maps to. */
  node(nodeIds: ReadonlySet<string>, taxCodes: ReadonlyMap<string, string>): string | null {
    const nodeId = this.text('nodeId', 100);
    const taxCode = this.taxCode('taxCode');
    if (nodeId !== null) {
      if (!nodeIds.has(nodeId)) return this.fail('nodeId', 'no such chain node in this region');
      return nodeId;
    }
    if (taxCode !== null) {
      const mapped = nodeOfTaxCode(taxCode, taxCodes);
      return mapped ?? this.fail('taxCode', 'this tax-item code is not mapped to a chain node (import a 税收分类编码映射 first)');
    }
    if (this.get('taxCode') === '') this.fail('nodeId', 'either 产业链节点ID or 税收分类编码 is required');
    return null;
  }

  /** An amount that may be negative (a credit note), at most 4 decimals as stored. */
  signedAmount(field: string): number | null {
    const text = this.present(field);
    if (text === null) return null;
    const parsed = parseDecimal(text);
    if (parsed === null) return this.fail(field, 'not a number');
    if (Math.abs(parsed) >= 1e10) return this.fail(field, 'too large');
    return Math.round(parsed * 10_000) / 10_000;
  }

  integer(field: string, min: number, max: number): number | null {
    const text = this.present(field);
    if (text === null) return null;
    const parsed = parseDecimal(text);
    if (parsed === null || !Number.isInteger(parsed)) return this.fail(field, 'not a whole number');
    if (parsed < min || parsed > max) return this.fail(field, `must be between ${min} and ${max}`);
    return parsed;
  }
}

/** A plain decimal, thousands separators allowed ("1,234.5"); no units, no exponents. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Cells starting with = + - @ would run as formulas in Excel: prefix an apostrophe (OWASP CSV injection). */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The fields a firm row sets when it inserts a new firm, as field provenance keeps them (import_rows.fields):
 * what the row gave, the defaults for scale and listing, and the address.
 */
export function insertedFirmFields(value: EnterpriseRowValue): Record<string, string> {
  const fields: Record<string, string> = {};
  if (value.uscc !== null) fields.uscc = value.uscc;
  fields.name = value.name;
  if (value.townCode !== null) fields.townCode = value.townCode;
  fields.scale = value.scale ?? 'below';
  fields.isListed = String(value.isListed ?? false);
  if (value.foundedYear !== null) fields.foundedYear = String(value.foundedYear);
  if (value.address) fields.address = value.address;
  return fields;
}

/** The review queue's source key of an import row: `import:<importId>:<rowNumber>`. */
export function importSourceKey(importId: string, rowNumber: number): string {
  return `import:${importId}:${rowNumber}`;
}

/** The import row a source key names, or null for a key from elsewhere. */
export function parseImportSourceKey(sourceKey: string | null): { importId: string; rowNumber: number } | null {
  const match = /^import:(.+):(\d+)$/.exec(sourceKey ?? '');
  return match?.[1] && match[2] ? { importId: match[1], rowNumber: Number(match[2]) } : null;
}
