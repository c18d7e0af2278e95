import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asOneStatement } from '../../db/oneStatement.ts';

/**
 * The writes of an import's chunks: each chunk's statements (its firms, figures or flows, then its raw rows) as
 * one statement, one round trip. A queued chunk is started by the next chunk once that one has read what it
 * needs (`start`), so the database writes one chunk while JavaScript matches and builds the next. A read must
 * wait for `idle()`: one connection runs one statement at a time (node-postgres deprecates queueing them).
 * Writes keep chunk order; the first failed write is kept, because the statements after it only fail with
 * "current transaction is aborted".
 */
export class ChunkWriter {
  private queued: SQL | undefined;
  private inFlight: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(private readonly db: Db) {}

  /** Queues a chunk's statements, starting the chunk queued before (reads after this call wait for it). */
  queue(statements: readonly SQL[]): void {
    this.start();
    if (statements.length > 0) this.queued = asOneStatement(statements);
  }

  /** Starts the queued write: sent at once when nothing is in flight (a `then` would wait for the synchronous work after this call). */
  start(): void {
    const statement = this.queued;
    if (!statement) return;
    this.queued = undefined;
    const run = async () => {
      await this.db.execute(statement);
    };
    const write: Promise<void> = (this.inFlight ? this.inFlight.then(run) : run()).then(
      (): void => this.settled(write),
      (error: unknown): never => {
        this.failure ??= { error };
        this.settled(write);
        throw error;
      },
    );
    write.catch(() => undefined);
    this.inFlight = write;
  }

  /** Resolves when no write is in flight (a failed write is reported by `finish` or `abandon`). */
  async idle(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }

  /** Starts what is queued and waits for all writes; throws the first failure. */
  async finish(): Promise<void> {
    this.start();
    await this.inFlight?.catch(() => undefined);
    if (this.failure) throw this.failure.error;
  }

  /** Drops what is queued and waits for the writes in flight; the first failed write's error, if any. */
  async abandon(): Promise<{ error: unknown } | undefined> {
    this.queued = undefined;
    await this.inFlight?.catch(() => undefined);
    return this.failure;
  }

  private settled(write: Promise<void>): void {
    if (this.inFlight === write) this.inFlight = undefined;
  }
}
