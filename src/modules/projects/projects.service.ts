import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  type LandAgreement,
  localDate,
  type Parcel,
  type ParcelStatus,
  type Project,
  type ProjectDetail,
  type ProjectOrigin,
  type ProjectStage,
  parseStage,
  withOverdueFlags,
} from './projects.model.ts';
import {
  type AgreementRow,
  type EventRow,
  type ParcelFilter,
  type ParcelRow,
  type ProjectFilter,
  type ProjectRow,
  ProjectsRepo,
} from './projects.repo.ts';

export interface ProjectsServiceOptions {
  /** The clock deciding what is overdue (tests pin it). */
  now?: () => Date;
}

export class ProjectsService {
  private readonly repo: ProjectsRepo;
  private readonly now: () => Date;

  constructor(db: Db, options: ProjectsServiceOptions = {}) {
    this.repo = new ProjectsRepo(db);
    this.now = options.now ?? (() => new Date());
  }

  async list(filter: Omit<ProjectFilter, 'today'>): Promise<{ items: Project[]; total: number }> {
    const { rows, total } = await this.repo.list({ ...filter, today: this.today() });
    return { items: rows.map(toProject), total };
  }

  /** A project with its stage events in pipeline order (each flagged when overdue) and its land agreements. */
  async detail(regionCode: string, id: string): Promise<ProjectDetail> {
    const today = this.today();
    const row = await this.repo.get(regionCode, id, today);
    if (!row) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such project' }, 'not found');
    const [events, agreements] = await Promise.all([this.repo.events(regionCode, id), this.repo.agreements(regionCode, id)]);
    return {
      project: toProject(row),
      events: withOverdueFlags(events.flatMap(toEvent), today),
      agreements: agreements.map(toAgreement),
    };
  }

  async listParcels(filter: ParcelFilter): Promise<{ items: Parcel[]; total: number }> {
    const { rows, total } = await this.repo.listParcels(filter);
    return { items: rows.map(toParcel), total };
  }

  private today(): string {
    return localDate(this.now());
  }
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    origin: toOrigin(row.origin),
    chainId: row.chainId,
    nodeId: row.nodeId,
    enterpriseId: row.enterpriseId,
    parkId: row.parkId,
    parcelId: row.parcelId,
    investmentWan: row.investmentWan,
    landMu: row.landMu,
    stage: parseStage(row.stage) ?? 'lead',
    landedOn: row.landedOn,
    isOverdue: row.isOverdue,
    isKey: row.isKey,
    isSynthetic: row.isSynthetic,
    version: row.version,
  };
}

function toOrigin(value: string): ProjectOrigin {
  return value === 'attracted' ? 'attracted' : 'local';
}

function toStatus(value: string): ParcelStatus {
  return value === 'agreed' || value === 'supplied' ? value : 'free';
}

/** A stored event whose stage is not a known one is dropped (the CHECK constraint keeps this from happening). */
function toEvent(row: EventRow): { stage: ProjectStage; plannedOn: string | null; actualOn: string | null; isSynthetic: boolean }[] {
  const stage = parseStage(row.stage);
  return stage ? [{ stage, plannedOn: row.plannedOn, actualOn: row.actualOn, isSynthetic: row.isSynthetic }] : [];
}

function toParcel(row: ParcelRow): Parcel {
  const { regionCode: _region, status, ...rest } = row;
  return { ...rest, status: toStatus(status) };
}

function toAgreement(row: AgreementRow): LandAgreement {
  const { regionCode: _region, ...rest } = row;
  return rest;
}
