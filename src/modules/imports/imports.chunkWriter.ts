import type { SQL } from 'drizzle-orm';
import { BulkRows, type ChunkWrite, type CopyIn, statementOf } from '../../db/bulkRows.ts';
import type { Db } from '../../db/client.ts';
import { asOneStatement } from '../../db/oneStatement.ts';

/** A chunk's writes as sent: statements run as one, and (with COPY) rows copied in. */
type Step = { statement: SQL } | { copy: string; text: string };

/**
 * The import's connection, one statement at a time (node-postgres deprecates queueing them on a client). Each
 * chunk's writes (its firms, figures or flows, then its raw rows) go as one statement, one round trip — or,
 * where the connection offers COPY (`copy`, PostgreSQL), its bulk rows are copied in and its statements run as
 * one after them. The caller gives the event loop a turn now and then while it builds the next chunk
 * (`nextTurn`), so that each step is sent as soon as the one before has finished. A queued chunk is started by
 * the next chunk once that one has read what it needs (`start`), so the database writes one chunk while
 * JavaScript matches and builds the next; the chunk after that may have its reads sent behind that write
 * (`after`), so that they are done when it comes to them. A read sent directly must wait for `idle()`. Writes
 * keep chunk order; the first failed write is kept, because the statements after it only fail with "current
 * transaction is aborted".
 */
export class ChunkWriter {
  private queued: Step[] | undefined;
  /** the last statement sent (a write or a read), settled whatever its outcome */
  private tail: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly db: Db,
    private readonly copy?: CopyIn,
  ) {}

  /** Queues a chunk's writes, starting the chunk queued before (reads after this call wait for it). */
  queue(writes: readonly ChunkWrite[]): void {
    this.start();
    if (writes.length > 0) this.queued = this.stepsOf(writes);
  }

  /** Starts the queued write, behind whatever was sent before. */
  start(): void {
    const steps = this.queued;
    if (!steps) return;
    this.queued = undefined;
    // a failure is kept for `finish` and `abandon`; the statements after it only fail with "transaction is aborted"
    void this.send(async () => {
      for (const step of steps) {
        if ('statement' in step) await this.db.execute(step.statement);
        else await this.copy?.(step.copy, step.text);
      }
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

  /**
   * The writes as steps: with COPY, the bulk rows first, each copied in on its own, then the statements as one;
   * without, all as one statement.
   * A chunk's writes never depended on their order: as one statement they run in no set order either.
   */
  private stepsOf(writes: readonly ChunkWrite[]): Step[] {
    const steps: Step[] = [];
    const statements: SQL[] = [];
    for (const write of writes) {
      if (!(this.copy && write instanceof BulkRows)) statements.push(statementOf(write));
      else if (write.rows.length > 0) steps.push({ copy: write.copyStatement(), text: write.copyText() });
    }
    if (statements.length > 0) steps.push({ statement: asOneStatement(statements) });
    return steps;
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

/**
 * A turn of the event loop: the import's connection reads the reply to the step that has finished and sends
 * the next. An import's main thread calls this between the parts of a chunk's work, which otherwise run as one
 * synchronous stretch while the database waits for its next step.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
