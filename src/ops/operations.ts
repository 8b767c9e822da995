import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import type { ContentLibrary } from "../content/loader.js";
import type { Logger } from "../core/log.js";
import type { Platform } from "../core/platform.js";
import type { SubscriptionStore } from "../store/types.js";
import { Health } from "./health.js";
import { articlesGauge, contentVersion, metrics, storeFailuresTotal } from "./metrics.js";
import { OpsServer } from "./server.js";

/**
 * The operations side of the composition root: health parts, the endpoint on
 * HTTP_PORT, the content gauges, and the one start line per platform. Kept
 * here so src/main.ts only calls it.
 */
export interface Operations {
  health: Health;
  /** The server the Telegram webhook joins when HTTP_PORT equals PORT (undefined otherwise). */
  shared?: OpsServer;
  /** A configured platform counts as not ready until `started`. */
  starting(platform: Platform): void;
  /** Marks it ready and prints its start line. */
  started(platform: Platform): void;
  /** For a platform's onStatus option: its connection going down and up after start. */
  status(name: Platform["name"]): (ok: boolean, reason?: string) => void;
  stop(): Promise<void>;
}

/**
 * A number that names the content being served: the same on every instance
 * serving the same articles, different after a reload that changed them.
 * 24 bits of a SHA-256, so the gauge's float holds it exactly.
 */
const versions = new WeakMap<ContentLibrary, number>();
export function contentVersionOf(library: ContentLibrary): number {
  let version = versions.get(library);
  if (version === undefined) {
    const digest = createHash("sha256").update(JSON.stringify(library.articles)).digest();
    version = digest.readUIntBE(0, 3);
    versions.set(library, version);
  }
  return version;
}

/** Where the plain start lines go: stderr, beside the logs, at every log level. */
export type StartLineSink = (line: string) => void;
const toStderr: StartLineSink = (line) => process.stderr.write(`${line}\n`);

/** Starts what is configured; exits 1 with one line when HTTP_PORT cannot be bound. */
export async function startOperations(options: {
  config: Pick<Config, "HTTP_PORT" | "PORT" | "TELEGRAM_WEBHOOK_URL" | "TELEGRAM_BOT_TOKEN">;
  library: () => ContentLibrary;
  store: Pick<SubscriptionStore, "ping">;
  logger?: Logger;
  print?: StartLineSink;
}): Promise<Operations> {
  const { config, library, store, logger, print = toStderr } = options;
  const health = new Health();
  // Start-up exits when the content cannot load; a refused reload keeps the previous content served.
  health.set("content", true);
  const refreshContentGauges = () => {
    const current = library();
    articlesGauge.set(current.articles.length);
    contentVersion.set(contentVersionOf(current));
  };
  refreshContentGauges();
  const server = new OpsServer({
    health,
    registry: metrics,
    probes: {
      store: async () => {
        try {
          await store.ping();
        } catch (err) {
          storeFailuresTotal.inc();
          throw err;
        }
      },
    },
    beforeScrape: refreshContentGauges,
  });
  if (config.HTTP_PORT !== undefined) {
    // A port taken by another process is an operator's mistake: one line and exit 1, like unloadable content.
    await server.listen(config.HTTP_PORT).catch((err: NodeJS.ErrnoException) => {
      process.stderr.write(`Cannot serve the operations endpoint on HTTP_PORT=${config.HTTP_PORT}: ${err.code ?? err.message}\n`);
      process.exit(1);
    });
    logger?.info({ port: config.HTTP_PORT }, "operations endpoint listening (/healthz /readyz /metrics)");
  }
  const webhookShares = config.HTTP_PORT !== undefined && config.HTTP_PORT === config.PORT && Boolean(config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_URL);
  return {
    health,
    ...(webhookShares ? { shared: server } : {}),
    starting: (platform) => health.expect(platform.name, "connecting"),
    started: (platform) => {
      health.set(platform.name, true);
      print(`${platform.name}: ${platform.describe?.() ?? "started"}`);
    },
    status: (name) => (ok, reason) => health.set(name, ok, reason),
    stop: () => server.close(),
  };
}
