/**
 * The writes of one import, one after another on its connection while the file is read: a write
 * starts once the one before it has finished, so one batch is written while the next is read.
 * A failed write surfaces as itself at the next `add` or at `settle`, and nothing is sent after
 * it (which would only fail with "current transaction is aborted" and hide the cause).
 */
export class WriteQueue {
  private last: Promise<void> = Promise.resolve();

  /** Waits for the write before (throwing its failure), then starts `write`. */
  async add(write: () => Promise<void>): Promise<void> {
    await this.last;
    const running = write();
    // Reported at the next add or settle, not as an unhandled rejection meanwhile.
    running.catch(() => {});
    this.last = running;
  }

  /** Waits for every write; throws the failure, if there was one. */
  settle(): Promise<void> {
    return this.last;
  }
}
