import type { ChatContext } from "../core/command.js";
import type { Lang } from "../core/lang.js";
import { LruCache } from "../core/lru.js";
import type { Maybe } from "../core/maybe.js";
import { parseTarget } from "../core/target.js";
import type { SubscriptionStore } from "../store/types.js";

/**
 * The language each chat chose with /lang, read through a small cache so a
 * message does not cost a store round trip: every reply (and every digest)
 * in the chat is in that language. A change made here is seen at once; one
 * made by another instance within CACHE_MS.
 */
export const CHAT_LANGUAGES = "chatLanguages";
const CACHE_MS = 60_000;
const CACHE_SIZE = 10_000;

export class ChatLanguages {
  private readonly cache = new LruCache<string, { lang: Lang | undefined; at: number }>(CACHE_SIZE);

  constructor(
    private readonly store: SubscriptionStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The chat's language; from the cache without a promise (every message asks, nearly always answered there). */
  get(chat: Pick<ChatContext, "target">): Maybe<Lang | undefined> {
    const cached = this.cache.get(chat.target);
    if (cached && this.now() - cached.at < CACHE_MS) return cached.lang;
    return this.load(chat.target);
  }

  private async load(target: string): Promise<Lang | undefined> {
    const address = parseTarget(target);
    if (!address) return undefined;
    const lang = await this.store.getChatLang(address.platform, address.chatId);
    this.cache.set(target, { lang, at: this.now() });
    return lang;
  }

  async set(chat: Pick<ChatContext, "target">, lang: Lang | undefined): Promise<void> {
    const address = parseTarget(chat.target);
    if (!address) return;
    await this.store.setChatLang(address.platform, address.chatId, lang, this.now());
    this.cache.set(chat.target, { lang, at: this.now() });
  }
}

export function chatLanguages(services: Record<string, unknown>): ChatLanguages | undefined {
  const candidate = services[CHAT_LANGUAGES];
  return candidate instanceof ChatLanguages ? candidate : undefined;
}
