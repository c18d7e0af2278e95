import { insertInBatches } from '../../db/batches.ts';
import type { Db } from '../../db/client.ts';
import type { ParcelStatus, ProjectOrigin, ProjectStage } from './projects.model.ts';
import { landAgreements, parcels, projectEvents, projects } from './projects.schema.ts';

/** A parcel to insert; indicator columns left out are null (the parcel does not set them). */
export type NewParcel = Omit<typeof parcels.$inferInsert, 'status'> & { status: ParcelStatus };
export type NewProject = Omit<typeof projects.$inferInsert, 'origin' | 'stage' | 'version' | 'createdAt' | 'updatedAt'> & {
  origin: ProjectOrigin;
  stage: ProjectStage;
};
export type NewProjectEvent = Omit<typeof projectEvents.$inferInsert, 'stage'> & { stage: ProjectStage };
export type NewLandAgreement = typeof landAgreements.$inferInsert;

/** Inserts parcels, 1,000 rows per statement; returns the number inserted. Insert parcels before the projects on them. */
export function insertParcels(db: Db, rows: readonly NewParcel[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(parcels).values(batch));
}

/** Inserts projects (after their parcels and enterprises), 1,000 rows per statement. */
export function insertProjects(db: Db, rows: readonly NewProject[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(projects).values(batch));
}

/** Inserts stage events (at most one per project and stage), 1,000 rows per statement. */
export function insertProjectEvents(db: Db, rows: readonly NewProjectEvent[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(projectEvents).values(batch));
}

/** Inserts land agreements (after their projects and parcels), 1,000 rows per statement. */
export function insertLandAgreements(db: Db, rows: readonly NewLandAgreement[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(landAgreements).values(batch));
}
