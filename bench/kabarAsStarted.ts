import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import type { Kabar } from "../src/core/kabar.js";
import { createLogger, type Logger } from "../src/core/log.js";
import { systemClock } from "../src/digest/clock.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { indexArticles } from "../src/understand/articleChoice.js";
import { library } from "../tests/helpers/core.js";

/**
 * kabar wired the way `npm start` wires it (`createKabar`), so the platform sections measure the
 * path a running bot takes: follow-ups remembered per chat and user, each chat's /lang looked up
 * through the store (SQLite, in memory here), the per-user limiter counting every request, the
 * answer latency observed, and an info-level logger. The limits are set too high to refuse
 * anyone: the bench's 50 users send thousands of messages a second, and it measures the work of
 * answering them, not of refusing.
 */
export function kabarAsStarted(): { kabar: Kabar; logger: Logger; dataDir: string } {
  const logger = createLogger("info", { write: () => {} });
  const store = new SqliteSubscriptionStore(":memory:");
  const unlimited = { group: Number.MAX_SAFE_INTEGER, private: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
  const kabar = createKabar(new LibraryHolder(library, indexArticles), logger, { [DIGEST_SERVICE]: { store, clock: systemClock } }, Date.now, unlimited);
  return { kabar, logger, dataDir: mkdtempSync(join(tmpdir(), "kabar-bench-")) };
}
