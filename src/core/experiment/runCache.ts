// What one run leaves for the next to reuse (warm starts): a small bounded store that travels in the run context,
// so the worker, a CLI sweep and a test each own theirs (no module-level state).

/** Keyed values, oldest dropped first once more than `maxEntries` are held. */
export class RunCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly maxEntries = 2) {}

  get size(): number {
    return this.entries.size;
  }

  get<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
