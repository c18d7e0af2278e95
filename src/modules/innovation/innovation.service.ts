import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  CHOKEPOINT_STATUSES,
  type Chokepoint,
  type ChokepointMatrix,
  countByStatus,
  MEMBER_KINDS,
  PLATFORM_KINDS,
  type Platform,
  type PlatformDetail,
  type PlatformMember,
  parseCode,
  RESEARCH_LEVELS,
  type ResearchProject,
  SOLVER_KINDS,
  sortLabels,
  toDenseMatrix,
} from './innovation.model.ts';
import {
  type ChokepointFilter,
  type ChokepointRow,
  InnovationRepo,
  type MemberRow,
  type PlatformFilter,
  type PlatformRow,
  type ResearchFilter,
  type ResearchRow,
} from './innovation.repo.ts';

interface Page {
  limit: number;
  offset: number;
}

export class InnovationService {
  private readonly repo: InnovationRepo;

  constructor(db: Db) {
    this.repo = new InnovationRepo(db);
  }

  async listPlatforms(filter: PlatformFilter): Promise<{ items: Platform[]; total: number }> {
    const { rows, total } = await this.repo.listPlatforms(filter);
    return { items: rows.map(toPlatform), total };
  }

  /** A platform with its direct children (e.g. the bodies and institutes around a core) and its members. */
  async platformDetail(regionCode: string, id: string): Promise<PlatformDetail> {
    const rows = await this.repo.platformWithChildren(regionCode, id);
    const platform = rows.find((r) => r.id === id);
    if (!platform) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such platform' }, 'not found');
    const members = await this.repo.members(regionCode, id);
    return {
      platform: toPlatform(platform),
      children: rows.filter((r) => r.id !== id).map(toPlatform),
      members: members.map(toMember),
    };
  }

  async listChokepoints(filter: ChokepointFilter & Page): Promise<{ items: Chokepoint[]; total: number }> {
    const { rows, total } = await this.repo.listChokepoints(filter);
    return { items: rows.map(toChokepoint), total };
  }

  /** The chokepoint list counted by common technology × scenario, by link and by status. */
  async chokepointMatrix(filter: ChokepointFilter): Promise<ChokepointMatrix> {
    const { cells, links, statuses } = await this.repo.chokepointCounts(filter);
    const { rows, cols, counts } = toDenseMatrix(cells);
    const order = sortLabels(links.map((l) => l.link));
    return {
      commonTechs: rows,
      scenarios: cols,
      counts,
      byLink: [...links].sort((a, b) => order.indexOf(a.link) - order.indexOf(b.link)),
      byStatus: countByStatus(statuses),
      total: statuses.reduce((sum, s) => sum + s.count, 0),
    };
  }

  async listResearch(filter: ResearchFilter): Promise<{ items: ResearchProject[]; total: number }> {
    const { rows, total } = await this.repo.listResearch(filter);
    return { items: rows.map(toResearch), total };
  }
}

// Stored codes are held to their lists by CHECK constraints; the fallbacks below only satisfy the types.

function toPlatform(row: PlatformRow): Platform {
  const { regionCode: _region, kind, ...rest } = row;
  return { ...rest, kind: parseCode(PLATFORM_KINDS, kind) ?? 'service_center' };
}

function toMember(row: MemberRow): PlatformMember {
  return {
    memberId: row.memberId,
    memberName: row.memberName,
    memberKind: parseCode(MEMBER_KINDS, row.memberKind) ?? 'other',
    enterpriseId: row.enterpriseId,
    isSynthetic: row.isSynthetic,
  };
}

function toChokepoint(row: ChokepointRow): Chokepoint {
  const { regionCode: _region, status, solverKind, ...rest } = row;
  return { ...rest, status: parseCode(CHOKEPOINT_STATUSES, status) ?? 'open', solverKind: parseCode(SOLVER_KINDS, solverKind) ?? null };
}

function toResearch(row: ResearchRow): ResearchProject {
  const { regionCode: _region, level, ...rest } = row;
  return { ...rest, level: parseCode(RESEARCH_LEVELS, level) ?? 'provincial' };
}
