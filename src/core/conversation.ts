import type { ChatContext } from "./command.js";
import { LruCache } from "./lru.js";
import type { Reply, ReplyKind } from "./reply.js";

/**
 * What each person last asked about, per chat and user, so a follow-up
 * ("kutipannya mana?", "and the UN?", "what did she mean?") can lean on it.
 * Kept in this process only, for ten minutes, for a bounded number of
 * conversations (least recently used dropped first). With several instances
 * (a Telegram webhook behind a load balancer), a follow-up that lands on
 * another instance starts a new conversation: it is answered as if asked alone.
 */
export interface LastTopic {
  articleId?: string;
  actor?: string;
  topic?: string;
  kind: ReplyKind;
  at: number;
}

export const CONVERSATION_TTL_MS = 10 * 60 * 1000;
export const MAX_CONVERSATIONS = 10_000;

/** Kinds of answer a follow-up can build on. */
const REMEMBERED = new Set<ReplyKind>(["reaction", "quote", "background", "summary", "actors", "source"]);

export class ConversationMemory {
  private readonly entries: LruCache<string, LastTopic>;

  constructor(
    private readonly now: () => number = Date.now,
    capacity = MAX_CONVERSATIONS,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {
    this.entries = new LruCache(capacity);
  }

  /** One conversation per chat and user: in a group each member has their own. */
  static key(chat: ChatContext): string {
    return `${chat.target}\u0000${chat.userId ?? ""}`;
  }

  get(chat: ChatContext): LastTopic | undefined {
    const last = this.entries.get(ConversationMemory.key(chat));
    return last && this.now() - last.at <= this.ttlMs ? last : undefined;
  }

  /** Remembers what a reply was about; `sectionActor` is the one actor a background section is about, if any. */
  remember(chat: ChatContext, reply: Reply, sectionActor?: string): void {
    if (!REMEMBERED.has(reply.kind)) return;
    const actor = reply.actor ?? sectionActor;
    this.entries.set(ConversationMemory.key(chat), {
      kind: reply.kind,
      at: this.now(),
      ...(reply.articleId ? { articleId: reply.articleId } : {}),
      ...(actor ? { actor } : {}),
      ...(reply.topic ? { topic: reply.topic } : {}),
    });
  }

  get size(): number {
    return this.entries.size;
  }
}
