import type { Article } from "../content/article.js";
import { actorList, sourceLine } from "../content/queries.js";
import type { Lang } from "./lang.js";
import { makeReply, type Reply } from "./reply.js";
import { t } from "./strings.js";

/** The replies the core gives on its own, not from a command. */

/** "/foo" that is no command of ours: one line pointing at /help. */
export function unknownCommandReply(name: string, lang: Lang): Reply {
  return makeReply({ kind: "notice", lang, title: "", blocks: [t(lang).unknownCommand(name)], private: true });
}

/** A question outside the article: say what the bot covers. */
export function unknownReply(article: Article, lang: Lang): Reply {
  return makeReply({
    kind: "unknown",
    lang,
    title: t(lang).unknownTitle,
    blocks: [t(lang).unknown(article.title[lang]), `${t(lang).availableReactions}: ${actorList(article, lang)}.`],
    source: sourceLine(article, lang),
    articleId: article.id,
    followUps: [
      { label: t(lang).followSummary, call: { command: "summary", lang, args: {} } },
      { label: t(lang).followActors, call: { command: "actors", lang, args: {} } },
      { label: "/help", call: { command: "help", lang, args: {} } },
    ],
  });
}

export function errorReply(lang: Lang): Reply {
  return makeReply({ kind: "error", lang, title: "", blocks: [t(lang).genericError], private: true });
}

/** A message the bot cannot read as a question (empty, too long): kind "unknown", with a hint. */
export function noticeReply(article: Article, lang: Lang, text: string): Reply {
  return makeReply({ kind: "unknown", lang, title: "", blocks: [text], source: sourceLine(article, lang), private: true });
}

/** A request over the per-user limit: how long to wait, privately. */
export function rateLimitedReply(lang: Lang, seconds: number): Reply {
  return makeReply({ kind: "notice", lang, title: "", blocks: [t(lang).rateLimited(seconds)], private: true });
}

/** A command that failed because of what the user gave it: its message, privately. */
export function userErrorReply(lang: Lang, message: string): Reply {
  return makeReply({ kind: "notice", lang, title: "", blocks: [message], private: true });
}
