import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Partials, REST, RESTEvents, type RateLimitData, Routes } from "discord.js";
import type { Config } from "../../config.js";
import type { Kabar } from "../../core/kabar.js";
import type { Logger } from "../../core/log.js";
import type { Platform } from "../../core/platform.js";
import type { Reply } from "../../core/reply.js";
import { chatIdOn } from "../../core/target.js";
import { rateLimitedTotal } from "../../ops/metrics.js";
import { toDeliveryError } from "./deliveryErrors.js";
import { type Clock, systemClock } from "../../digest/clock.js";
import { identifyThrottlerOn } from "./identifyThrottler.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage } from "./messages.js";
import { NO_MENTIONS, renderReply } from "./render.js";

export interface DiscordPlatformOptions {
  kabar: Kabar;
  token: string;
  applicationId: string;
  /** REST base ("https://discord.com/api"); the gateway URL comes from GET /gateway/bot. */
  apiBase?: string;
  /** Request the privileged MessageContent intent (free text in servers beyond mentions). */
  messageContent?: boolean;
  logger: Logger;
  /** Answers slower than this are deferred (Discord allows 3 s before the first response). */
  deferAfterMs?: number;
  /**
   * The shards this instance runs, of `count` over all instances (DISCORD_SHARDS,
   * DISCORD_SHARD_COUNT). Unset: discord.js's default (shard 0 of 1, or what a
   * ShardingManager parent sets in SHARDS/SHARD_COUNT).
   */
  shards?: { ids: number[]; count: number };
  /** Told when the gateway connection goes down or comes back (readiness): reason names the shard. */
  onStatus?: (ok: boolean, reason?: string) => void;
  /** The clock of the 5 s between two IDENTIFYs (identifyThrottler.ts); tests pass a manual one. */
  clock?: Clock;
}

/**
 * How long `send` lets @discordjs/rest queue behind a rate limit before giving
 * up with `rate_limited`: short waits are paced by its buckets, long ones are
 * handed back to the caller (the digest scheduler) instead of blocking it.
 */
export const MAX_QUEUED_RATE_LIMIT_MS = 2_000;
const DESTROY_TIMEOUT_MS = 5_000;

/** The intents we need: servers, their messages, DMs; message content only when configured. */
export function discordIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export class DiscordPlatform implements Platform {
  readonly name = "discord" as const;
  readonly client: Client;
  private readonly delivery: REST;
  private stopped?: Promise<void>;

  constructor(private readonly options: DiscordPlatformOptions) {
    const api = options.apiBase ?? "https://discord.com/api";
    this.client = new Client({
      intents: discordIntents(options.messageContent ?? false),
      // DM channels are not cached before their first message; without this partial, DMs are dropped.
      partials: [Partials.Channel],
      rest: { api },
      allowedMentions: NO_MENTIONS,
      ws: { buildIdentifyThrottler: identifyThrottlerOn(options.clock ?? systemClock) },
      ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    });
    this.delivery = new REST({
      api,
      rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > MAX_QUEUED_RATE_LIMIT_MS,
    }).setToken(options.token);
    // Every 429 Discord answers, on both clients (kabar_rate_limited_total).
    const count429 = (_request: unknown, response: { status: number }) => {
      if (response.status === 429) rateLimitedTotal.inc({ platform: "discord" });
    };
    this.client.rest.on(RESTEvents.Response, count429);
    this.delivery.on(RESTEvents.Response, count429);
  }

  /** The shards this client runs and the total, as discord.js resolved them. */
  private get shardIds(): { ids: number[]; count: number } {
    const { shards, shardCount } = this.client.options;
    return { ids: Array.isArray(shards) ? shards : [0], count: shardCount ?? 1 };
  }

  /** The start line: "connected as kabar#0000 (shards 0,1 of 2)". */
  describe(): string {
    const { ids, count } = this.shardIds;
    return `connected as ${this.client.user?.tag ?? "?"} (shards ${ids.join(",")} of ${count})`;
  }

  async start(): Promise<void> {
    const { client, options } = this;
    const { logger, kabar } = options;
    const deps = { kabar, logger, deferAfterMs: options.deferAfterMs ?? 1_500 };
    client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
    client.on(Events.MessageCreate, (message) => void handleMessage(message, deps));
    client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
    client.on(Events.Warn, (message) => logger.warn({ message }, "discord warning"));
    // Readiness: connected while no shard of ours is down.
    const down = new Map<number, string>();
    const report = () => options.onStatus?.(down.size === 0, down.size ? [...down.values()].join("; ") : undefined);
    const markDown = (shardId: number, why: string) => (down.set(shardId, `shard ${shardId} ${why}`), report());
    const markUp = (shardId: number) => (down.delete(shardId), report());
    client.on(Events.ShardDisconnect, (event, shardId) => {
      logger.warn({ shardId, code: event.code }, "discord gateway disconnected");
      markDown(shardId, `disconnected (close code ${event.code})`);
    });
    client.on(Events.ShardReconnecting, (shardId) => {
      logger.info({ shardId }, "discord gateway reconnecting");
      markDown(shardId, "reconnecting");
    });
    client.on(Events.ShardResume, (shardId, replayed) => {
      logger.info({ shardId, replayed }, "discord gateway resumed");
      markUp(shardId);
    });
    client.on(Events.ShardReady, (shardId) => markUp(shardId));
    // ClientReady can fire before login() resolves: listen first.
    const ready = once(client, Events.ClientReady);
    await client.login(options.token);
    await ready;
    logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.options.shards }, "discord ready");
    report();
  }

  /** Destroys the client (closing the gateway); bounded, since destroy() can hang if READY never came. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DESTROY_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([this.client.destroy(), timeout]);
      clearTimeout(timer);
      this.delivery.clearHashSweeper();
      this.delivery.clearHandlerSweeper();
    })();
    return this.stopped;
  }

  /**
   * Posts a reply to a channel (a DM subscription stores the DM channel's id).
   * Accepts "123" or "discord:123". Throws DeliveryError.
   */
  async send(chatId: string, reply: Reply): Promise<void> {
    const channelId = chatIdOn("discord", chatId);
    for (const message of renderReply(reply)) {
      try {
        await this.delivery.post(Routes.channelMessages(channelId), {
          body: { ...(message.content ? { content: message.content } : {}), embeds: message.embeds, components: message.components, allowed_mentions: { parse: [] } },
        });
      } catch (err) {
        throw toDeliveryError(err, channelId);
      }
    }
  }
}

/** The Discord platform when DISCORD_TOKEN and DISCORD_APPLICATION_ID are both set, else undefined. */
export function discordFromConfig(
  config: Config,
  kabar: Kabar,
  logger: Logger,
  onStatus?: DiscordPlatformOptions["onStatus"],
): DiscordPlatform | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) return undefined;
  return new DiscordPlatform({
    kabar,
    logger: logger.child({ platform: "discord" }),
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    apiBase: config.DISCORD_API_BASE,
    messageContent: config.DISCORD_MESSAGE_CONTENT,
    ...(onStatus ? { onStatus } : {}),
    ...(config.DISCORD_SHARDS && config.DISCORD_SHARD_COUNT ? { shards: { ids: config.DISCORD_SHARDS, count: config.DISCORD_SHARD_COUNT } } : {}),
  });
}
