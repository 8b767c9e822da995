import type { ContentLibrary } from "../content/loader.js";
import { LruCache } from "./lru.js";
import type { CommandCall, Reply } from "./reply.js";

/**
 * Many readers ask the same things: the reply of a command whose answer
 * depends only on its call (`pure`), and the understanding of an exact
 * question, are kept for the content version they came from. Both are
 * bounded (any text can be a key) and emptied when the content changes.
 */
const REPLY_CACHE_SIZE = 1000;
const UNDERSTOOD_CACHE_SIZE = 5000;

/** The cache key of a call: command, language, then the arguments given, in order. */
export function callKey(call: CommandCall): string {
  let key = `${call.command}\u0000${call.lang}`;
  for (const name in call.args) {
    const value = call.args[name];
    if (value !== undefined && value !== "") key += `\u0000${name}=${value}`;
  }
  return key;
}

export class ContentCaches<Understood extends object> {
  private readonly replies = new LruCache<string, Reply>(REPLY_CACHE_SIZE);
  private readonly understood = new LruCache<string, Understood>(UNDERSTOOD_CACHE_SIZE);
  /** What the caches were filled from; when the content moves on, they are emptied. */
  private filledFrom?: { version: number; library: ContentLibrary };

  constructor(
    private readonly library: () => ContentLibrary,
    private readonly version: () => number,
  ) {}

  clear(): void {
    this.replies.clear();
    this.understood.clear();
    this.filledFrom = undefined;
  }

  /** The caches, emptied first if the content changed since they were filled. */
  current(): { replies: LruCache<string, Reply>; understood: LruCache<string, Understood> } {
    const version = this.version();
    const library = this.library();
    if (this.filledFrom?.version !== version || this.filledFrom.library !== library) {
      this.clear();
      this.filledFrom = { version, library };
    }
    return { replies: this.replies, understood: this.understood };
  }

  /**
   * A reply that depends only on the content and `key` (a greeting per language
   * and name, the "not understood" page), made once per content version.
   * Keys start with a NUL so they never meet a command call's.
   */
  reply(key: string, make: () => Reply): Reply {
    const { replies } = this.current();
    const cacheKey = `\u0000${key}`;
    let reply = replies.get(cacheKey);
    if (!reply) {
      reply = make();
      replies.set(cacheKey, reply);
    }
    return reply;
  }
}
