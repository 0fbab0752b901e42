/** Writes to one file run one after another, in the order they were asked for. */
export class WriteChain {
  private readonly chains = new Map<string, Promise<void>>();

  /** Runs `task` after every earlier task of `key`; resolves or rejects with it. */
  enqueue(key: string, task: () => Promise<unknown>): Promise<void> {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(task).then(() => undefined);
    // The chain itself never rejects: a failed write is the caller's to handle, not the next one's.
    const settled = next.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }

  /** Settles once every task of `key` asked for so far has run. */
  async pending(key: string): Promise<void> {
    await this.chains.get(key);
  }

  /** Settles once every task asked for so far has run. */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }
}
