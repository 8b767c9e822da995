import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { CommandDefinition } from "../../src/core/command.js";
import type { Kabar } from "../../src/core/kabar.js";
import type { ManualClock } from "../../src/digest/clock.js";
import type { RetrySleep } from "../../src/platforms/telegram/rateLimitRetry.js";
import { TelegramPlatform, type TelegramPlatformOptions } from "../../src/platforms/telegram/telegramPlatform.js";
import { library, recordingLogger, testKabar } from "../helpers/core.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./telegramPeer.js";

/**
 * kabar's Telegram platform started against a TelegramPeer, with the bundled
 * content, the real command list (plus any `extraCommands`) and a logger
 * whose lines the test can read.
 */
export { library };

export interface KabarOnPeer {
  platform: TelegramPlatform;
  kabar: Kabar;
  /** Every log line written so far (JSON). */
  logs: string[];
  dataDir: string;
}

export async function startKabarOnPeer(
  peer: TelegramPeer,
  options: { extraCommands?: CommandDefinition[]; dataDir?: string } & Partial<TelegramPlatformOptions> = {},
): Promise<KabarOnPeer> {
  const { logger, raw: logs } = recordingLogger("debug");
  const kabar = testKabar(options.extraCommands ? { extraCommands: options.extraCommands } : {});
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "kabar-tg-"));
  const platform = new TelegramPlatform({
    token: TEST_TOKEN,
    apiRoot: peer.apiRoot,
    kabar,
    logger,
    dataDir,
    retry: { maxRetryAttempts: 2, maxDelaySeconds: 2 },
    ...options,
  });
  await platform.start();
  return { platform, kabar, logs, dataDir };
}

/** A peer and kabar on it for the whole test file: started before its tests, stopped after. */
export function useKabarOnPeer(options: Parameters<typeof startKabarOnPeer>[1] = {}): { peer: TelegramPeer; bot: KabarOnPeer } {
  const fixture = {} as { peer: TelegramPeer; bot: KabarOnPeer };
  beforeAll(async () => {
    fixture.peer = await startTelegramPeer();
    fixture.bot = await startKabarOnPeer(fixture.peer, options);
  });
  afterAll(async () => {
    await fixture.bot?.platform.stop();
    await fixture.peer?.stop();
  });
  return fixture;
}

/**
 * The platform's waits between retries on a ManualClock: each wait asked for
 * is recorded and resolves only when the test moves the clock past it; a stop
 * (abort) rejects it as the real wait does.
 */
export function sleepOn(clock: ManualClock): { sleep: RetrySleep; waits: number[] } {
  const waits: number[] = [];
  const sleep: RetrySleep = (ms, signal) => {
    waits.push(ms);
    return new Promise((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      void clock.sleep(ms).then(resolve);
    });
  };
  return { sleep, waits };
}
