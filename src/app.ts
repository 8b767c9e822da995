import { resolve } from "node:path";
import { COMMANDS } from "../commands/index.js";
import { ContentError, type ContentLibrary, loadLibrary } from "./content/loader.js";
import type { LibraryHolder } from "./content/reload.js";
import { Kabar } from "./core/kabar.js";
import type { Logger } from "./core/log.js";
import { answerSeconds } from "./ops/metrics.js";

/**
 * Loads the content or exits with the one readable error that names the
 * file, the field and the problem. Shared by `npm start`, `npm run ask` and the bench.
 */
export function loadContentOrExit(contentDir: string): ContentLibrary {
  try {
    return loadLibrary(resolve(contentDir));
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(`Cannot load content: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}


export function createKabar(holder: LibraryHolder, logger?: Logger, services: Record<string, unknown> = {}): Kabar {
  return new Kabar({
    library: () => holder.current,
    contentVersion: () => holder.version,
    commands: COMMANDS,
    services,
    ...(logger ? { logger } : {}),
    onAnswered: (kind, seconds) => answerSeconds.observe({ kind }, seconds),
  });
}
