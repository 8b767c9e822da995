import type { Reply } from "./reply.js";
import type { PlatformName } from "./target.js";

/**
 * What the composition root and the digest scheduler need from a platform.
 * Each platform (console, telegram, discord) implements it in its own folder.
 */
export interface Platform {
  readonly name: PlatformName;
  start(): Promise<void>;
  /** Stops receiving updates and closes connections; safe to call twice. */
  stop(): Promise<void>;
  /** After start: one plain line for the operator, "connected as @name (polling)"; printed after the platform's name. */
  describe?(): string;
  /** Posts a reply to a chat by its platform id (digests). Throws DeliveryError on failure. */
  send(chatId: string, reply: Reply): Promise<void>;
}

/**
 * Why a send failed, in platform-neutral terms, so callers decide without
 * knowing Telegram or Discord error codes:
 * - `gone`: the chat will not accept messages again (blocked, kicked, chat not found,
 *   Discord 50001/50013/10003/50007); disable the subscription.
 * - `migrated`: a Telegram group became a supergroup; `migratedTo` is the new chat id.
 * - `rate_limited`: retry after `retryAfterMs`.
 * - `transient`: 5xx or network; retry with backoff.
 */
export type DeliveryFailure = "gone" | "migrated" | "rate_limited" | "transient";

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly details: { code?: number | string; retryAfterMs?: number; migratedTo?: string } = {},
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
