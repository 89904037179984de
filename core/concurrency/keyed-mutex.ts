/**
 * Runs tasks one at a time per key, in arrival order, within this process. Tasks under different keys run
 * concurrently. The file store uses it to make "check the ETag, then write" one step; Documents uses it so one process
 * does not race itself into a storm of ETag retries.
 */
export class KeyedMutex {
  // Per key, the promise that settles when the last queued task has finished.
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    // `previous` never rejects: it only chains `done` promises, which only resolve.
    await previous;
    try {
      return await task();
    } finally {
      release();
      // Drop the entry when nobody queued behind us, so idle keys cost nothing.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a running or queued task (for tests and diagnostics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
