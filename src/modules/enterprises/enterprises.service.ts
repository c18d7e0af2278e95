import { pinyin } from 'pinyin-pro';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { maskFields } from '../auth/auth.model.ts';
import {
  type Enterprise,
  type EnterpriseMetric,
  METRIC_SENSITIVE_FIELDS,
  type NewEnterprise,
  type EnterprisePatch,
} from './enterprises.model.ts';
import { type EnterpriseFilter, type EnterpriseRow, EnterprisesRepo, type MetricRow } from './enterprises.repo.ts';
import type { z } from 'zod';

export class EnterprisesService {
  private readonly repo: EnterprisesRepo;

  constructor(db: Db) {
    this.repo = new EnterprisesRepo(db);
  }

  async list(filter: EnterpriseFilter): Promise<{ items: Enterprise[]; total: number }> {
    const { rows, total } = await this.repo.list(filter);
    return { items: rows.map(toEnterprise), total };
  }

  /** A firm with its yearly figures; tax, energy, emissions and electricity are masked without `sensitive`. */
  async detail(regionCode: string, id: string, canSeeSensitive: boolean) {
    const row = await this.repo.get(regionCode, id);
    if (!row) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such enterprise' }, 'not found');
    const metrics = (await this.repo.metrics(regionCode, id)).map(toMetric);
    return {
      enterprise: toEnterprise(row),
      metrics: metrics.map((m) => maskFields(m, METRIC_SENSITIVE_FIELDS, canSeeSensitive)),
      isMasked: !canSeeSensitive,
      hasSensitiveFigures: metrics.some((m) => METRIC_SENSITIVE_FIELDS.some((f) => m[f] !== null)),
    };
  }

  async create(regionCode: string, input: z.infer<typeof NewEnterprise>): Promise<Enterprise> {
    const row = await this.repo.insert({ regionCode, ...input, nameSortKey: sortKeyOf(input.name) });
    if (!row) throw new DomainError('CONFLICT', { field: 'id', reason: 'already exists' }, `enterprise ${input.id} exists`);
    return toEnterprise(row);
  }

  async update(regionCode: string, id: string, patch: z.infer<typeof EnterprisePatch>): Promise<Enterprise> {
    const { version, ...changes } = patch;
    const updated = await this.repo.updateIfVersion(regionCode, id, version, {
      ...changes,
      ...(changes.name ? { nameSortKey: sortKeyOf(changes.name) } : {}),
    });
    if (updated) return toEnterprise(updated);
    const current = await this.repo.get(regionCode, id);
    if (!current) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such enterprise' }, 'not found');
    throw new DomainError(
      'STALE_VERSION',
      { field: 'version', reason: `stale: current version is ${current.version}`, current: toEnterprise(current) },
      'someone else changed this enterprise; reload and edit again',
    );
  }
}

/** Pinyin sort key: Intl.Collator('zh-CN') orders polyphonic names wrongly, so the key is stored. */
export function sortKeyOf(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase();
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function toEnterprise(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    townCode: row.townCode,
    scale: row.scale === 'above' ? 'above' : 'below',
    isListed: row.isListed,
    foundedYear: row.foundedYear,
    lon: num(row.lon),
    lat: num(row.lat),
    isSynthetic: row.isSynthetic,
    version: row.version,
  };
}

function toMetric(row: MetricRow): EnterpriseMetric {
  return {
    year: row.year,
    revenueWan: num(row.revenueWan),
    outputWan: num(row.outputWan),
    valueAddedWan: num(row.valueAddedWan),
    taxWan: num(row.taxWan),
    landMu: num(row.landMu),
    energyTce: num(row.energyTce),
    emissionsT: num(row.emissionsT),
    electricityMwh: num(row.electricityMwh),
    employees: row.employees,
    rdWan: num(row.rdWan),
    isSynthetic: row.isSynthetic,
  };
}
