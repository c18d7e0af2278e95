import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { type Park, ParkKind } from './parks.model.ts';
import { type ParkFilter, type ParkRow, ParksRepo } from './parks.repo.ts';

/** Reads of a region's industrial spaces and innovation zones. */
export class ParksService {
  private readonly repo: ParksRepo;

  constructor(db: Db) {
    this.repo = new ParksRepo(db);
  }

  async list(filter: ParkFilter): Promise<{ items: Park[]; total: number }> {
    const { rows, total } = await this.repo.list(filter);
    return { items: rows.map(toPark), total };
  }

  async get(regionCode: string, id: string): Promise<Park> {
    const row = await this.repo.get(regionCode, id);
    if (!row) throw new DomainError('NOT_FOUND', { field: 'id', reason: 'no such park' }, 'not found');
    return toPark(row);
  }
}

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function toPark(row: ParkRow): Park {
  return {
    id: row.id,
    parentId: row.parentId,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    kind: ParkKind.parse(row.kind),
    frame: row.frame,
    townCode: row.townCode,
    areaMu: num(row.areaMu),
    statusZh: row.statusZh,
    statusYear: row.statusYear,
    note: row.note,
    lon: num(row.lon),
    lat: num(row.lat),
    isLocationApproximate: row.isLocationApproximate,
    isSynthetic: row.isSynthetic,
    sort: row.sort,
  };
}
