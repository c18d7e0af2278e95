import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { maskFields } from '../auth/auth.model.ts';
import {
  type Enterprise,
  type EnterpriseMetric,
  type EnterpriseProfile,
  type EnterpriseSite,
  METRIC_SENSITIVE_FIELDS,
  type NewEnterprise,
  type EnterprisePatch,
  type Town,
} from './enterprises.model.ts';
import { type EnterpriseFilter, type EnterpriseRow, EnterprisesRepo, type MetricRow, type SiteRow } from './enterprises.repo.ts';
import { importHistoryOf, provenanceOf } from '../imports/imports.repo.ts';
import { manualEditsOf } from './profileEdit.repo.ts';
import { isSensitiveProvenanceField, maskProvenance, mergeProvenance } from './provenance.model.ts';
import { nameKeysOf } from './search.model.ts';
import type { z } from 'zod';

export class EnterprisesService {
  private readonly repo: EnterprisesRepo;

  constructor(private readonly db: Db) {
    this.repo = new EnterprisesRepo(db);
  }

  async list(filter: EnterpriseFilter): Promise<{ items: Enterprise[]; total: number }> {
    const { rows, total } = await this.repo.list(filter);
    return { items: rows.map(toEnterprise), total };
  }

  /**
   * Everything known about a firm: identity, aliases, sites, chain nodes, yearly figures (sensitive ones masked
   * without `sensitive`), projects, and the imports that touched it with the source of each field.
   */
  async profile(regionCode: string, id: string, canSeeSensitive: boolean): Promise<EnterpriseProfile & { hasSensitiveFigures: boolean }> {
    const { enterprise, metrics, isMasked, hasSensitiveFigures } = await this.detail(regionCode, id, canSeeSensitive);
    const [aliases, sites, nodes, projects, history, imported, edits] = await Promise.all([
      this.repo.aliases(regionCode, id),
      this.repo.sites(regionCode, id),
      this.repo.nodes(regionCode, id),
      this.repo.projects(regionCode, id),
      importHistoryOf(this.db, regionCode, id),
      provenanceOf(this.db, regionCode, id),
      manualEditsOf(this.db, regionCode, id),
    ]);
    const sources = mergeProvenance(imported, edits);
    return {
      enterprise,
      aliases: aliases.map((a) => ({ alias: a.alias, source: a.source, validFrom: a.validFrom, validTo: a.validTo })),
      sites: sites.map(toSite),
      nodes,
      metrics,
      isMasked,
      projects,
      importsAvailable: true,
      importHistory: history.map((h) => ({ importId: h.importId, kind: h.kind, fileName: h.fileName, rowNumber: h.rowNumber, outcome: h.outcome, byUser: h.byUser, at: h.at.toISOString() })),
      provenance: maskProvenance(sources, canSeeSensitive).map((p) => ({ ...p, at: p.at.toISOString() })),
      hasSensitiveFigures: hasSensitiveFigures || sources.some((p) => p.value !== null && isSensitiveProvenanceField(p.field)),
    };
  }

  async towns(regionCode: string): Promise<Town[]> {
    const rows = await this.repo.towns(regionCode);
    return rows.map((r) => ({ ...r, lon: num(r.lon), lat: num(r.lat) }));
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
    const { aliases, address, ...fields } = input;
    const hasSite = address !== null || (input.lon !== null && input.lat !== null);
    const row = await this.repo.insert(
      { regionCode, ...fields, lon: input.lon?.toFixed(6) ?? null, lat: input.lat?.toFixed(6) ?? null, ...nameKeysOf(input.name) },
      [...new Set(aliases)].filter((a) => a !== input.name).map((alias) => ({ regionCode, enterpriseId: input.id, alias, source: 'manual' })),
      hasSite
        ? [{ regionCode, enterpriseId: input.id, id: 'registered', kind: 'registered', address, townCode: input.townCode, lon: fields.lon?.toFixed(6) ?? null, lat: fields.lat?.toFixed(6) ?? null }]
        : [],
    );
    if (!row) throw new DomainError('CONFLICT', { field: 'id', reason: 'already exists' }, `enterprise ${input.id} exists`);
    return toEnterprise(row);
  }

  async update(regionCode: string, id: string, patch: z.infer<typeof EnterprisePatch>): Promise<Enterprise> {
    const { version, ...changes } = patch;
    const updated = await this.repo.updateIfVersion(regionCode, id, version, {
      ...changes,
      ...(changes.name ? nameKeysOf(changes.name) : {}),
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
  return nameKeysOf(name).nameSortKey;
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export function toEnterprise(row: EnterpriseRow): Enterprise {
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

export function toSite(row: SiteRow): EnterpriseSite {
  return {
    id: row.id,
    kind: row.kind === 'registered' ? 'registered' : 'plant',
    name: row.name,
    address: row.address,
    townCode: row.townCode,
    lon: num(row.lon),
    lat: num(row.lat),
    isSynthetic: row.isSynthetic,
  };
}

export function toMetric(row: MetricRow): EnterpriseMetric {
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
