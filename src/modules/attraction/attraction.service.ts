import type { Db } from '../../db/client.ts';
import { type Candidate, groupNodeIds } from './attraction.model.ts';
import { AttractionRepo, type CandidateFilter } from './attraction.repo.ts';

export class AttractionService {
  private readonly repo: AttractionRepo;

  constructor(db: Db) {
    this.repo = new AttractionRepo(db);
  }

  /** External candidate firms with the chain nodes they sit on. */
  async list(filter: CandidateFilter): Promise<{ items: Candidate[]; total: number }> {
    const { rows, total } = await this.repo.list(filter);
    const nodes = groupNodeIds(await this.repo.nodesOf(filter.regionCode, rows.map((r) => r.id)));
    const items = rows.map(({ regionCode: _region, ...row }) => ({ ...row, nodeIds: nodes.get(row.id) ?? [] }));
    return { items, total };
  }
}
