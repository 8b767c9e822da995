import type { ContentLibrary } from "../content/loader.js";
import type { Understood } from "../understand/understood.js";
import type { ChatContext, CommandDefinition } from "./command.js";
import type { ConversationMemory } from "./conversation.js";
import type { Lang } from "./lang.js";
import type { Logger } from "./log.js";
import type { Maybe } from "./maybe.js";
import type { RateLimits } from "./rateLimit.js";
import type { CommandCall, Reply } from "./reply.js";

/** What the core is given (the composition root, app.ts, gives it all; tests give what they need). */
export interface KabarOptions {
  /** The content being served; a function so a reload swaps it without restarting. */
  library: () => ContentLibrary;
  /** Grows by one on every successful reload (LibraryHolder.version); the caches below are kept per version. */
  contentVersion?: () => number;
  commands: readonly CommandDefinition[];
  services?: Record<string, unknown>;
  logger?: Logger;
  /** Per-user request limits (npm start sets them from the configuration); none when absent. */
  rateLimits?: RateLimits;
  /** The limiter's clock; tests move it instead of sleeping. */
  now?: () => number;
  /**
   * Told how long each answer took, in seconds (the latency metric): "text"
   * for free text (understanding included), "call" for a command, whether
   * typed, a slash command or a button. (execute and answerText never throw.)
   */
  onAnswered?: (kind: "text" | "call", seconds: number) => void;
  /** Follow-ups per chat and user ("kutipannya mana?"); without it every message stands alone. */
  conversations?: ConversationMemory;
  /** The language a chat chose with /lang, if any: every reply there is in it (a value when known without waiting). */
  chatLang?: (chat: ChatContext) => Maybe<Lang | undefined>;
}

/** A chat message answered: the reply, and what the message was read as. */
export interface Answer {
  reply: Reply;
  /** The command call the message became (undefined for empty or oversized messages). */
  call?: CommandCall;
  understood?: Understood;
}
