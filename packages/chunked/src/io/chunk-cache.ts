/**
 * A small least-recently-used cache of decoded chunks, bounded in bytes. A chunk's halo reads
 * reach into its neighbours; neighbouring chunks are processed close together, so each stored
 * chunk is decoded about once instead of up to 3ⁿ times.
 */
export class ChunkCache<V extends { byteLength: number }> {
  private readonly map = new Map<string, Promise<V>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The cached value of `key`, or `load()`'s (then cached while it fits). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // Refresh: a Map iterates in insertion order, so re-inserting marks it most recent.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    if (this.maxBytes <= 0) return load();
    const p = load();
    this.map.set(key, p);
    p.then(
      (v) => {
        if (this.map.get(key) !== p) return;
        this.sizes.set(key, v.byteLength);
        this.bytes += v.byteLength;
        this.evict();
      },
      () => this.map.delete(key),
    );
    return p;
  }

  private evict(): void {
    for (const key of this.map.keys()) {
      if (this.bytes <= this.maxBytes) return;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still loading
      this.map.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }

  clear(): void {
    this.map.clear();
    this.sizes.clear();
    this.bytes = 0;
  }
}
