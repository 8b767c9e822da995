import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import { type Logger, registerSecret } from "../../core/log.js";
import type { Platform } from "../../core/platform.js";
import type { Reply } from "../../core/reply.js";
import type { Role } from "../../store/leadership.js";
import { chatIdOn } from "../../core/target.js";
import { ALLOWED_UPDATES, createTelegramBot, type KabarContext, type TelegramBotOptions } from "./bot.js";
import { syncCommandMenu } from "./commandMenu.js";
import { toDeliveryError } from "./deliveryErrors.js";
import { pollingGuard } from "./pollingGuard.js";
import { countRateLimits } from "./rateLimits.js";
import { postReply } from "./post.js";
import { type CloseWebhook, startWebhookServer, type WebhookOptions } from "./webhook.js";

/**
 * The Telegram side of kabar: long polling through @grammyjs/runner (updates
 * of different chats concurrently, of one chat in order, see `chatQueue`
 * in bot.ts), or a webhook server when a webhook URL is configured.
 */
export interface TelegramPlatformOptions extends TelegramBotOptions {
  /** Where the last registered command menu is remembered (DATA_DIR). */
  dataDir: string;
  webhook?: WebhookOptions;
  logger: Logger;
  /**
   * Telegram allows one long-polling client per token: with several instances only the holder
   * of this role (store/leadership.ts, "telegram") polls; the others stand by and take over when
   * it dies. Without it this instance always polls. Webhook mode ignores it: every instance answers.
   */
  pollingRole?: Role;
  /** Digests go out with allow_paid_broadcast (TELEGRAM_BROADCAST_RATE above Telegram's free ~30/s). */
  paidBroadcast?: boolean;
  /** Told when long polling stops for good (readiness). */
  onStatus?: (ok: boolean, reason?: string) => void;
}

const STOP_GRACE_MS = 10_000;

export class TelegramPlatform implements Platform {
  readonly name = "telegram" as const;
  readonly bot: Bot<KabarContext>;
  /**
   * Digest deliveries use their own client without retries: the scheduler
   * gets a DeliveryError at once (`rate_limited` with retryAfterMs, `transient`)
   * and decides when to try again, instead of a send blocking for minutes.
   */
  private readonly deliveryApi: Api;
  private runner?: RunnerHandle;
  private stopWatchingRole?: () => void;
  private closeWebhook?: CloseWebhook;
  /** Updates being handled, and who waits for them all to settle (a stop). A count, not a set: tracking runs on every update. */
  private inFlight = 0;
  private drained?: () => void;
  private readonly settled = () => {
    if (--this.inFlight === 0) this.drained?.();
  };

  constructor(private readonly options: TelegramPlatformOptions) {
    // Every request URL holds the token; whatever logs an error must not print it.
    registerSecret(options.token);
    this.bot = createTelegramBot({
      ...options,
      track: (handling) => {
        this.inFlight++;
        handling.then(this.settled, this.settled);
      },
    });
    this.bot.api.config.use(pollingGuard(options.logger, undefined, options.sleep));
    this.deliveryApi = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : undefined);
    this.deliveryApi.config.use(countRateLimits);
  }

  async start(): Promise<void> {
    const { logger } = this.options;
    await this.bot.init();
    logger.info({ username: this.bot.botInfo.username }, "Telegram bot identified");
    await syncCommandMenu(this.bot.api, this.options.kabar.commands, {
      stateFile: join(this.options.dataDir, "telegram-command-menu.json"),
      botId: this.bot.botInfo.id,
      logger,
    });
    if (this.options.webhook) {
      this.closeWebhook = await startWebhookServer(this.bot, this.options.token, this.options.webhook, logger);
      logger.info({ port: this.options.webhook.port }, "Telegram webhook listening");
      return;
    }
    const role = this.options.pollingRole;
    if (!role) return this.startPolling();
    this.stopWatchingRole = role.onChange((leading) => {
      if (leading) void this.startPolling();
      else void this.stopPolling().then(() => logger.info("Telegram long polling handed over: another instance polls now"));
    });
    if (!role.leading) logger.info("Telegram long polling: standing by, another instance polls");
  }

  private async startPolling(): Promise<void> {
    const { logger } = this.options;
    if (this.runner?.isRunning()) return;
    // A webhook left over from an earlier webhook deployment would make getUpdates fail with 409.
    await this.bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "deleteWebhook failed"));
    // The role may have moved on while we waited, or another call started the runner.
    if (this.runner?.isRunning() || (this.options.pollingRole && !this.options.pollingRole.leading)) return;
    // silent: the runner would print fetch errors with console.error, bypassing the redacting logger.
    const runner = run(this.bot, { runner: { silent: true, fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    this.runner = runner;
    void runner.task()?.catch((err: unknown) => {
      logger.error({ err }, "Telegram polling stopped");
      this.options.onStatus?.(false, `polling stopped: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.options.onStatus?.(true);
    if (this.options.pollingRole) logger.info("Telegram long polling: this instance polls");
  }

  private async stopPolling(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner?.isRunning()) await runner.stop();
  }

  /** The start line: "connected as @name (polling)", "(webhook)", or standing by for another instance's polling. */
  describe(): string {
    const role = this.options.pollingRole;
    const mode = this.options.webhook ? "webhook" : role && !role.leading ? "polling standby: another instance polls" : "polling";
    return `connected as @${this.bot.botInfo.username} (${mode})`;
  }

  /** Stops fetching, lets the updates in flight finish, closes the webhook server. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopWatchingRole?.();
    await this.stopPolling();
    // Answers being written when the signal came are finished, within a bound, before the process exits.
    if (this.inFlight > 0) {
      const drained = new Promise<void>((resolve) => (this.drained = resolve));
      await Promise.race([drained, sleep(STOP_GRACE_MS, undefined, { ref: false })]);
    }
    const closeWebhook = this.closeWebhook;
    this.closeWebhook = undefined;
    await closeWebhook?.();
  }

  /** Posts `reply` to a chat ("telegram:123" or "123"); failures become DeliveryError. */
  async send(chatId: string, reply: Reply): Promise<void> {
    const id = chatIdOn("telegram", chatId);
    try {
      await postReply(this.deliveryApi, id, reply, { logger: this.options.logger, paidBroadcast: this.options.paidBroadcast === true });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }
}
