import { LRUCache } from "lru-cache";

/**
 * A bounded least-recently-used map: a hit makes the entry the newest, an
 * insert past `capacity` drops the oldest. For caches whose keys come from
 * users (any question, any argument), so memory stays bounded whatever they
 * type. Backed by `lru-cache`: a hit there relinks the entry in typed arrays,
 * where a plain Map would be deleted from and inserted into again, and these
 * caches are read on every update (the question, the reply, the chat's
 * language, the conversation).
 */
export class LruCache<K extends {}, V extends {}> {
  private readonly entries: LRUCache<K, V>;

  constructor(readonly capacity: number) {
    this.entries = new LRUCache<K, V>({ max: capacity });
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
