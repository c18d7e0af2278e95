import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { DomainError, validationError } from '../../shared/errors.ts';
import { maskFields } from '../auth/auth.model.ts';
import { type EnterpriseAlias, type EnterpriseMetric, type EnterpriseSite, METRIC_SENSITIVE_FIELDS } from './enterprises.model.ts';
import { toEnterprise, toMetric, toSite } from './enterprises.service.ts';
import {
  type AliasBody,
  type FieldValue,
  type MetricUpsert,
  type MetricValues,
  metricProvenance,
  type NewSite,
  type SitePatch,
  sensitiveFieldsIn,
  siteProvenance,
} from './profileEdit.model.ts';
import { ProfileEditRepo } from './profileEdit.repo.ts';

/** Who edits which firm; the version is the firm's, read with the profile. */
export interface EditTarget {
  regionCode: string;
  enterpriseId: string;
  version: number;
  byUser: string;
  canSeeSensitive: boolean;
}

const notFound = (field: string, what: string) => new DomainError('NOT_FOUND', { field, reason: `no such ${what}` }, 'not found');

/**
 * Hand edits of a firm's aliases, sites and yearly figures. Each bumps the firm's version under an optimistic lock
 * (stale → 409 with the current firm) and records what it set in manual_edits, in one transaction.
 */
export class ProfileEditService {
  constructor(private readonly db: Db) {}

  async addAlias(target: EditTarget, body: AliasBody): Promise<{ version: number; alias: EnterpriseAlias }> {
    return this.edit(target, async (repo, firm) => {
      if (body.alias === firm.name) throw validationError('alias', "is the firm's own name");
      const row = await repo.insertAlias({ regionCode: target.regionCode, enterpriseId: target.enterpriseId, alias: body.alias, source: 'manual' });
      if (!row) throw new DomainError('CONFLICT', { field: 'alias', reason: 'the firm already has this alias' }, 'alias exists');
      const alias = { alias: row.alias, source: row.source, validFrom: row.validFrom, validTo: row.validTo };
      return { result: { alias }, edits: [{ field: `aliases.${row.alias}`, value: row.alias }] };
    });
  }

  async removeAlias(target: EditTarget, alias: string): Promise<{ version: number }> {
    return this.edit(target, async (repo) => {
      if (!(await repo.deleteAlias(target.regionCode, target.enterpriseId, alias))) throw notFound('alias', 'alias of this firm');
      return { result: {}, edits: [{ field: `aliases.${alias}`, value: null }] };
    });
  }

  async addSite(target: EditTarget, body: NewSite): Promise<{ version: number; site: EnterpriseSite }> {
    const { version: _v, ...fields } = body;
    return this.edit(target, async (repo) => {
      const id = `site-${randomUUID().slice(0, 8)}`;
      const row = await repo.insertSite({ regionCode: target.regionCode, enterpriseId: target.enterpriseId, id, ...fields, ...positionOf(fields) });
      if (!row) throw new DomainError('CONFLICT', { field: 'id', reason: 'site id taken; retry' }, 'site exists');
      return { result: { site: toSite(row) }, edits: siteProvenance(id, fields) };
    }, registeredPosition(fields));
  }

  async updateSite(target: EditTarget, siteId: string, body: SitePatch): Promise<{ version: number; site: EnterpriseSite }> {
    const { version: _v, ...fields } = body;
    return this.edit(target, async (repo) => {
      const row = await repo.updateSite(target.regionCode, target.enterpriseId, siteId, { ...fields, ...positionOf(fields) });
      if (!row) throw notFound('siteId', 'site of this firm');
      // The firm's own position is its registered site's: keep the map and the distance tools in step.
      if (row.kind === 'registered' && fields.lon !== undefined) await repo.setFirmPosition(target.regionCode, target.enterpriseId, row.lon, row.lat);
      return { result: { site: toSite(row) }, edits: siteProvenance(siteId, fields) };
    });
  }

  async removeSite(target: EditTarget, siteId: string): Promise<{ version: number }> {
    return this.edit(target, async (repo) => {
      if (!(await repo.deleteSite(target.regionCode, target.enterpriseId, siteId))) throw notFound('siteId', 'site of this firm');
      return { result: {}, edits: [{ field: `sites.${siteId}`, value: null }] };
    });
  }

  /** Sets the given figures of one year (omitted ones stay; null clears); sensitive ones need `sensitive`. */
  async putMetric(target: EditTarget, year: number, body: MetricUpsert): Promise<{ version: number; metric: EnterpriseMetric }> {
    const { version: _v, ...values } = body;
    const refused = sensitiveFieldsIn(values);
    if (!target.canSeeSensitive && refused.length > 0) throw forbiddenSensitive(refused[0] ?? 'taxWan');
    const edits = metricProvenance(year, values);
    if (edits.length === 0) throw validationError('body', 'give at least one figure');
    return this.edit(target, async (repo) => {
      const columns = columnsOf(values);
      const row = await repo.upsertMetric({ regionCode: target.regionCode, enterpriseId: target.enterpriseId, year, ...columns }, columns);
      if (!row) throw notFound('year', 'year');
      return { result: { metric: maskFields(toMetric(row), METRIC_SENSITIVE_FIELDS, target.canSeeSensitive) }, edits };
    });
  }

  /** Deletes a year; a year holding sensitive figures can only be deleted by a user who may see them. */
  async removeMetric(target: EditTarget, year: number): Promise<{ version: number }> {
    return this.edit(target, async (repo) => {
      const existing = await repo.getMetric(target.regionCode, target.enterpriseId, year);
      if (!existing) throw notFound('year', 'year of figures for this firm');
      const held = METRIC_SENSITIVE_FIELDS.find((f) => toMetric(existing)[f] !== null);
      if (!target.canSeeSensitive && held) throw forbiddenSensitive(held);
      await repo.deleteMetric(target.regionCode, target.enterpriseId, year);
      return { result: {}, edits: [{ field: `metrics.${year}`, value: null }] };
    });
  }

  /** Bumps the firm's version (409 with the current firm when stale), runs the edit and records it, atomically. */
  private async edit<T extends object>(
    target: EditTarget,
    change: (repo: ProfileEditRepo, firm: { name: string }) => Promise<{ result: T; edits: FieldValue[] }>,
    firmSet: { lon?: string | null; lat?: string | null } = {},
  ): Promise<T & { version: number }> {
    return this.db.transaction(async (tx) => {
      const repo = new ProfileEditRepo(tx);
      const firm = await repo.bumpVersion(target.regionCode, target.enterpriseId, target.version, firmSet);
      if (!firm) {
        const current = await repo.getFirm(target.regionCode, target.enterpriseId);
        if (!current) throw notFound('id', 'enterprise');
        throw new DomainError(
          'STALE_VERSION',
          { field: 'version', reason: `stale: current version is ${current.version}`, current: toEnterprise(current) },
          'someone else changed this firm; reload and edit again',
        );
      }
      const { result, edits } = await change(repo, firm);
      await repo.insertEdits(edits.map((e) => ({ regionCode: target.regionCode, enterpriseId: target.enterpriseId, id: randomUUID(), byUser: target.byUser, ...e })));
      return { ...result, version: firm.version };
    });
  }
}

function forbiddenSensitive(field: string): DomainError {
  return new DomainError('FORBIDDEN', { field, reason: 'a sensitive figure; needs the sensitive permission' }, 'not allowed to change sensitive figures');
}

function decimal(value: number | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : String(value);
}

/** Stored positions are numeric(9,6) text; undefined stays undefined so an update leaves the column alone. */
function positionOf(fields: { lon?: number | null; lat?: number | null }): { lon: string | null | undefined; lat: string | null | undefined } {
  return { lon: fields.lon === undefined || fields.lon === null ? fields.lon : fields.lon.toFixed(6), lat: fields.lat === undefined || fields.lat === null ? fields.lat : fields.lat.toFixed(6) };
}

/** A new registered site with a position moves the firm's own position there. */
function registeredPosition(fields: { kind: string; lon?: number | null; lat?: number | null }): { lon?: string | null; lat?: string | null } {
  return fields.kind === 'registered' && fields.lon !== undefined && fields.lon !== null ? positionOf(fields) : {};
}

/** Numeric columns travel as text; an omitted field is left out so the upsert keeps the stored value. */
function columnsOf(v: MetricValues) {
  return {
    revenueWan: decimal(v.revenueWan),
    outputWan: decimal(v.outputWan),
    valueAddedWan: decimal(v.valueAddedWan),
    taxWan: decimal(v.taxWan),
    landMu: decimal(v.landMu),
    energyTce: decimal(v.energyTce),
    emissionsT: decimal(v.emissionsT),
    electricityMwh: decimal(v.electricityMwh),
    employees: v.employees,
    rdWan: decimal(v.rdWan),
  };
}
