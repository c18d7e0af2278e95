import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asOneStatement } from '../../db/oneStatement.ts';

/**
 * The import's connection, one statement at a time (node-postgres deprecates queueing them on a client). Each
 * chunk's writes (its firms, figures or flows, then its raw rows) go as one statement, one round trip. A queued
 * chunk is started by the next chunk once that one has read what it needs (`start`), so the database writes one
 * chunk while JavaScript matches and builds the next; the chunk after that may have its reads sent behind that
 * write (`after`), so that they are done when it comes to them. A read sent directly must wait for `idle()`.
 * Writes keep chunk order; the first failed write is kept, because the statements after it only fail with
 * "current transaction is aborted".
 */
export class ChunkWriter {
  private queued: SQL | undefined;
  /** the last statement sent (a write or a read), settled whatever its outcome */
  private tail: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(private readonly db: Db) {}

  /** Queues a chunk's statements, starting the chunk queued before (reads after this call wait for it). */
  queue(statements: readonly SQL[]): void {
    this.start();
    if (statements.length > 0) this.queued = asOneStatement(statements);
  }

  /** Starts the queued write, behind whatever was sent before. */
  start(): void {
    const statement = this.queued;
    if (!statement) return;
    this.queued = undefined;
    // a failure is kept for `finish` and `abandon`; the statements after it only fail with "transaction is aborted"
    void this.send(async () => {
      await this.db.execute(statement);
    }).catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Runs a read behind the statements sent before it, without waiting for the caller to come back for it. */
  after<T>(read: () => Promise<T>): Promise<T> {
    return this.send(read);
  }

  /** Resolves when nothing is in flight (a failed write is reported by `finish` or `abandon`). */
  async idle(): Promise<void> {
    while (this.tail) await this.tail;
  }

  /** Starts what is queued and waits for all writes; throws the first failure. */
  async finish(): Promise<void> {
    this.start();
    await this.idle();
    if (this.failure) throw this.failure.error;
  }

  /** Drops what is queued and waits for what is in flight; the first failed write's error, if any. */
  async abandon(): Promise<{ error: unknown } | undefined> {
    this.queued = undefined;
    await this.idle();
    return this.failure;
  }

  /** Sent at once when nothing is in flight (a `then` would wait for the synchronous work after this call). */
  private send<T>(statement: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    const running = previous ? previous.then(statement) : statement();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.tail = settled;
    void settled.then(() => {
      if (this.tail === settled) this.tail = undefined;
    });
    return running;
  }
}
