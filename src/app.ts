import { resolve } from "node:path";
import type { RateLimits } from "./core/rateLimit.js";
import { COMMANDS } from "../commands/index.js";
import { ContentError, type ContentLibrary, loadLibrary } from "./content/loader.js";
import { LibraryHolder } from "./content/reload.js";
import type { ChatContext } from "./core/command.js";
import { ConversationMemory } from "./core/conversation.js";
import { Kabar } from "./core/kabar.js";
import { indexArticles } from "./understand/articleChoice.js";
import { CHAT_LANGUAGES, ChatLanguages } from "./digest/chatLanguages.js";
import { digestServices } from "./digest/service.js";
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


/**
 * The content as entry points serve it (`npm start`, `npm run ask`): loaded or
 * exit 1, and every library, reloads included, indexed for free text as it is
 * taken rather than by the first question.
 */
export function holdContentOrExit(contentDir: string): LibraryHolder {
  return new LibraryHolder(loadContentOrExit(contentDir), indexArticles);
}

/**
 * kabar as `npm start` runs it: follow-ups remembered per chat and user, and
 * each chat's /lang honoured when a store is there to keep it.
 */
export function createKabar(
  holder: LibraryHolder,
  logger?: Logger,
  services: Record<string, unknown> = {},
  now: () => number = Date.now,
  rateLimits?: RateLimits,
): Kabar {
  const store = digestServices(services)?.store;
  const languages = store ? new ChatLanguages(store, now) : undefined;
  return new Kabar({
    library: () => holder.current,
    contentVersion: () => holder.version,
    commands: COMMANDS,
    services: languages ? { ...services, [CHAT_LANGUAGES]: languages } : services,
    conversations: new ConversationMemory(now),
    ...(languages ? { chatLang: (chat: ChatContext) => languages.get(chat) } : {}),
    ...(logger ? { logger } : {}),
    onAnswered: (kind, seconds) => answerSeconds.observe({ kind }, seconds),
    ...(rateLimits ? { rateLimits, now } : {}),
  });
}
